package org.camunda4j.engine.internal.state;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TaskListenerEventType;
import org.camunda4j.engine.internal.model.UserTaskDefinition;

/**
 * A Camunda user task. Mutated only by {@link UserTaskApplier}. Ended tasks are kept for the user
 * task search, as Camunda's secondary storage keeps them.
 *
 * <p>While a transition runs, {@code pending} holds the attributes the task will have once it
 * finishes; task listeners see and correct those, and {@code listenerIndex} says which listener of
 * the transition is next.
 */
public final class UserTask implements java.io.Serializable {

  private final long key;
  private final long elementInstanceKey;
  private final long processInstanceKey;
  // process and element change when the instance is migrated to another process version
  ProcessDefinition process;
  ExecutableElement element;
  private final String modelAssignee;
  private final String externalFormReference;
  private final long formKey;
  private final long creationDate;
  UserTaskState state = UserTaskState.CREATING;
  UserTaskAttributes attributes;
  UserTaskAttributes pending;
  TaskListenerEventType transition = TaskListenerEventType.CREATING;
  String action = "";
  List<String> changedAttributes = List.of();
  Map<String, Object> variables = Map.of();
  boolean localVariables;
  int listenerIndex;
  long completionDate = -1;

  UserTask(
      long key, long elementInstanceKey, long processInstanceKey, ProcessDefinition process, ExecutableElement element,
      UserTaskAttributes attributes, String modelAssignee, String externalFormReference, long formKey, long creationDate) {
    this.key = key;
    this.elementInstanceKey = elementInstanceKey;
    this.processInstanceKey = processInstanceKey;
    this.process = process;
    this.element = element;
    this.attributes = attributes;
    this.pending = attributes;
    this.modelAssignee = modelAssignee;
    this.externalFormReference = externalFormReference;
    this.formKey = formKey;
    this.creationDate = creationDate;
  }

  public long key() { return key; }
  public long elementInstanceKey() { return elementInstanceKey; }
  public long processInstanceKey() { return processInstanceKey; }
  public ProcessDefinition process() { return process; }
  public ExecutableElement element() { return element; }
  public UserTaskDefinition definition() { return element.userTaskDefinition(); }
  /** The assignee the model gives, assigned right after creation; or null. */
  public String modelAssignee() { return modelAssignee; }
  public String externalFormReference() { return externalFormReference; }
  /** The key of the linked Camunda form, or -1. */
  public long formKey() { return formKey; }
  public long creationDate() { return creationDate; }
  public UserTaskState state() { return state; }
  /** The attributes as they stand outside any transition. */
  public UserTaskAttributes attributes() { return attributes; }
  /** The attributes the running transition will leave, with every correction so far; equal to {@link #attributes()} between transitions. */
  public UserTaskAttributes pending() { return pending; }
  /** The running transition, or null when the task rests or has ended. */
  public TaskListenerEventType transition() { return transition; }
  public String action() { return action; }
  public List<String> changedAttributes() { return changedAttributes; }
  /** The variables a running completion or variable update sets when it finishes. */
  public Map<String, Object> variables() { return variables; }
  /** Whether {@link #variables()} go on the task's scope only. */
  public boolean localVariables() { return localVariables; }
  public int listenerIndex() { return listenerIndex; }
  public long completionDate() { return completionDate; }

  /** Whether commands may still act on the task (not completed or canceled). */
  public boolean isLive() {
    return !state.isEnd();
  }
}
