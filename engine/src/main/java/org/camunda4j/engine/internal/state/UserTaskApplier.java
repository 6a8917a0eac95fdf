package org.camunda4j.engine.internal.state;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.UserTaskEvent;
import org.camunda4j.engine.internal.record.UserTaskEvent.Creating;
import org.camunda4j.engine.internal.record.UserTaskEvent.ListenerCompleted;
import org.camunda4j.engine.internal.record.UserTaskEvent.TransitionDenied;
import org.camunda4j.engine.internal.record.UserTaskEvent.TransitionFinished;
import org.camunda4j.engine.internal.record.UserTaskEvent.TransitionStarted;

/** Applies {@link UserTaskEvent}s for {@link EventApplier}: records what happened, decides nothing. */
final class UserTaskApplier {

  private UserTaskApplier() {}

  static void apply(EngineState state, UserTaskEvent event) {
    UserTaskStore tasks = state.userTasks;
    switch (event) {
      case Creating e -> {
        ProcessDefinition process = state.definitionsByKey.get(e.processDefinitionKey());
        UserTask task =
            new UserTask(
                e.key(), e.elementInstanceKey(), e.processInstanceKey(), process, process.element(e.elementId()), e.attributes(),
                e.modelAssignee(), e.externalFormReference(), e.formKey(), e.time());
        tasks.byKey.put(task.key(), task);
        state.userTaskKeysByInstance.add(task.processInstanceKey(), task.key());
        tasks.liveByElementInstance.put(task.elementInstanceKey(), task);
      }
      case TransitionStarted e -> {
        UserTask task = tasks.byKey.get(e.key());
        task.state = stateDuring(e);
        task.transition = e.transition();
        task.action = e.action();
        task.pending = e.pending();
        task.changedAttributes = e.changedAttributes();
        task.variables = e.variables();
        task.localVariables = e.localVariables();
        task.listenerIndex = 0;
      }
      case ListenerCompleted e -> {
        UserTask task = tasks.byKey.get(e.key());
        task.pending = e.pending();
        task.changedAttributes = e.changedAttributes();
        task.listenerIndex++;
      }
      case TransitionDenied e -> rest(tasks.byKey.get(e.key()), UserTaskState.CREATED, false);
      case TransitionFinished e -> {
        UserTask task = tasks.byKey.get(e.key());
        // corrections made while canceling have no lasting effect: a canceled task keeps its attributes
        rest(task, e.endState(), e.endState() != UserTaskState.CANCELED);
        if (e.endState().isEnd()) {
          task.completionDate = e.time();
          tasks.liveByElementInstance.remove(task.elementInstanceKey());
        }
      }
    }
  }

  private static UserTaskState stateDuring(TransitionStarted e) {
    return switch (e.transition()) {
      case CREATING -> UserTaskState.CREATING;
      case ASSIGNING -> UserTaskState.ASSIGNING;
      case UPDATING -> UserTaskState.UPDATING;
      case COMPLETING -> UserTaskState.COMPLETING;
      case CANCELING -> UserTaskState.CANCELING;
    };
  }

  /** Ends the running transition; {@code keep}: its pending attributes become the task's, else they are dropped. */
  private static void rest(UserTask task, UserTaskState state, boolean keep) {
    if (keep) {
      task.attributes = task.pending;
    }
    task.pending = task.attributes;
    task.state = state;
    task.transition = null;
    task.action = "";
    task.changedAttributes = List.of();
    task.variables = Map.of();
    task.localVariables = false;
    task.listenerIndex = 0;
  }
}
