package org.camunda4j.engine.internal.state;

import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;

/**
 * What the element-instance endpoints report about one element instance, live or ended: every
 * element an instance passed or waits in. {@link ElementInstance} is the live execution state and
 * goes away when the element ends; this record stays, like Camunda's secondary storage.
 */
public final class ElementRecord implements java.io.Serializable {

  private final long key;
  // element and process change when the instance is migrated to another process version
  ExecutableElement element;
  ProcessDefinition process;
  private final boolean multiInstanceBody;
  private final boolean adHocInnerInstance;
  private final long flowScopeKey;
  private final long processInstanceKey;
  private final long startDate;
  ElementState state = ElementState.ACTIVATING;
  long endDate = -1;

  ElementRecord(
      long key, ExecutableElement element, ProcessDefinition process, boolean multiInstanceBody, boolean adHocInnerInstance,
      long flowScopeKey, long processInstanceKey, long startDate) {
    this.key = key;
    this.element = element;
    this.process = process;
    this.multiInstanceBody = multiInstanceBody;
    this.adHocInnerInstance = adHocInnerInstance;
    this.flowScopeKey = flowScopeKey;
    this.processInstanceKey = processInstanceKey;
    this.startDate = startDate;
  }

  public long key() { return key; }
  public ExecutableElement element() { return element; }
  public ProcessDefinition process() { return process; }
  /** The instance that runs a multi-instance activity's inner instances. */
  public boolean isMultiInstanceBody() { return multiInstanceBody; }
  /** The instance an ad-hoc sub-process wraps one activation in. */
  public boolean isAdHocInnerInstance() { return adHocInnerInstance; }
  /** The enclosing element instance, or the process instance for a top-level element. */
  public long flowScopeKey() { return flowScopeKey; }
  public long processInstanceKey() { return processInstanceKey; }
  /** Epoch millis of activation. */
  public long startDate() { return startDate; }
  /** Epoch millis of completion or termination, or -1 while alive. */
  public long endDate() { return endDate; }
  public ElementState state() { return state; }
}
