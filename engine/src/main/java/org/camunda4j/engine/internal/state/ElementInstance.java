package org.camunda4j.engine.internal.state;

import java.util.HashMap;
import java.util.Map;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;

/**
 * A live element instance. Mutated only by {@link EventApplier}; processing reads it.
 *
 * <p>{@code childCount} and {@code activeFlows} decide when a container is done: it completes when
 * no child is alive and no token is on its way or waiting at a joining gateway.
 */
public final class ElementInstance implements java.io.Serializable {

  private final long key;
  // element and process change when the instance is migrated to another process version
  ExecutableElement element;
  ProcessDefinition process;
  private final long flowScopeKey;
  private final long processInstanceKey;
  ElementState state = ElementState.ACTIVATING;
  int childCount;
  int activeFlows;
  final Map<String, Integer> joinTokens = new HashMap<>();
  long jobKey = -1;
  long calledInstanceKey = -1;
  boolean multiInstanceBody;
  boolean adHocInnerInstance;
  int startListenersDone;
  int endListenersDone;
  boolean adHocCompletionFulfilled;

  ElementInstance(long key, ExecutableElement element, ProcessDefinition process, long flowScopeKey, long processInstanceKey) {
    this.key = key;
    this.element = element;
    this.process = process;
    this.flowScopeKey = flowScopeKey;
    this.processInstanceKey = processInstanceKey;
  }

  public long key() {
    return key;
  }

  public ExecutableElement element() {
    return element;
  }

  public ProcessDefinition process() {
    return process;
  }

  /** The enclosing container's instance key, or -1 for a process instance. */
  public long flowScopeKey() {
    return flowScopeKey;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public ElementState state() {
    return state;
  }

  public int childCount() {
    return childCount;
  }

  public int activeFlows() {
    return activeFlows;
  }

  /** Tokens that reached a joining parallel gateway, by incoming flow id. */
  public int joinTokens(String flowId) {
    return joinTokens.getOrDefault(flowId, 0);
  }

  /** The incoming flows of joining gateways of this scope on which tokens wait. */
  public java.util.Set<String> joinTokenFlows() {
    return java.util.Set.copyOf(joinTokens.keySet());
  }

  /** Whether any token waits at a joining gateway of this scope. */
  public boolean hasJoinTokens() {
    return !joinTokens.isEmpty();
  }

  /** The job this task waits for, or -1. */
  public long jobKey() {
    return jobKey;
  }

  /** How many start execution listeners of this instance have completed. */
  public int startListenersDone() {
    return startListenersDone;
  }

  /** How many end execution listeners of this instance have completed. */
  public int endListenersDone() {
    return endListenersDone;
  }

  /** The process instance a call activity started, or -1. */
  public long calledInstanceKey() {
    return calledInstanceKey;
  }

  /** The instance that runs a multi-instance activity's inner instances (it has the activity's element). */
  public boolean isMultiInstanceBody() {
    return multiInstanceBody;
  }

  /**
   * The instance an ad-hoc sub-process wraps each activation in (8.9's AD_HOC_SUB_PROCESS_INNER_INSTANCE):
   * it has the sub-process's element, holds the activation's variables and keeps what its elements write.
   */
  public boolean isAdHocInnerInstance() {
    return adHocInnerInstance;
  }

  /** For an ad-hoc sub-process: its worker declared the completion condition fulfilled without canceling what runs. */
  public boolean adHocCompletionFulfilled() {
    return adHocCompletionFulfilled;
  }

  public boolean isAlive() {
    return !state.isFinal();
  }
}
