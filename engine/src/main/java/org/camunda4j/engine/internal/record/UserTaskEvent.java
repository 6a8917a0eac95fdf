package org.camunda4j.engine.internal.record;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.model.TaskListenerEventType;
import org.camunda4j.engine.internal.state.UserTaskAttributes;
import org.camunda4j.engine.internal.state.UserTaskState;

/**
 * What happens to Camunda user tasks. They travel as {@link EngineEvent.UserTaskChanged} and are
 * applied by {@code UserTaskApplier}.
 *
 * <p>A task rests in CREATED between transitions. A transition (creating, assigning, updating,
 * completing, canceling) carries the attributes the task will have when it finishes ({@code
 * pending}); each task listener of the transition sees them and may correct them; a denial drops
 * them, and the end of the transition makes them the task's attributes.
 */
public sealed interface UserTaskEvent {

  long key();

  /**
   * The element reached a user task: the creating transition starts.
   *
   * @param modelAssignee the assignee the model gives, assigned once the task is created; or null
   * @param formKey the key of the linked form, or -1
   */
  record Creating(
      long key,
      long elementInstanceKey,
      long processInstanceKey,
      long processDefinitionKey,
      String elementId,
      UserTaskAttributes attributes,
      String modelAssignee,
      String externalFormReference,
      long formKey,
      long time)
      implements UserTaskEvent {}

  /**
   * A transition of a created task starts.
   *
   * @param changedAttributes what the triggering call changes
   * @param variables set when the transition finishes: a completion's, or those of a variable update
   *     on the task's scope (which runs the updating listeners); else empty
   * @param localVariables whether {@code variables} go on the task's scope only, not up the scopes
   */
  record TransitionStarted(
      long key,
      TaskListenerEventType transition,
      String action,
      UserTaskAttributes pending,
      List<String> changedAttributes,
      Map<String, Object> variables,
      boolean localVariables)
      implements UserTaskEvent {}

  /** One task listener of the current transition completed, possibly correcting the pending attributes. */
  record ListenerCompleted(long key, UserTaskAttributes pending, List<String> changedAttributes) implements UserTaskEvent {}

  /** A task listener denied the transition: the task goes back to CREATED with its attributes unchanged. */
  record TransitionDenied(long key, String deniedReason) implements UserTaskEvent {}

  /** Every listener of the transition completed: the pending attributes become the task's. */
  record TransitionFinished(long key, UserTaskState endState, long time) implements UserTaskEvent {}
}
