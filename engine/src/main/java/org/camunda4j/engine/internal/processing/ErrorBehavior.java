package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Catching BPMN errors (engine-semantics §2.5): from the throwing element outwards, each activity's
 * error boundary events, then each enclosing container's error event sub-processes; in one place a
 * matching code beats a catch-all. Error catch events always interrupt.
 */
final class ErrorBehavior {

  private final EngineState state;
  private final CatchEventBehavior catchEvents;

  ErrorBehavior(EngineState state, CatchEventBehavior catchEvents) {
    this.state = state;
    this.catchEvents = catchEvents;
  }

  /** A catch event for the error, and the element instance that owns it. */
  record Catch(ElementInstance owner, ExecutableElement catchEvent) {}

  Catch find(ElementInstance thrower, String errorCode) {
    return find(thrower, EventKind.ERROR, errorCode);
  }

  /**
   * The catch event for an error or an escalation thrown at {@code thrower}: escalations are caught
   * the same way, outwards through boundary events and event sub-processes, into calling processes.
   */
  Catch find(ElementInstance thrower, EventKind kind, String code) {
    String errorCode = code;
    ElementInstance current = thrower;
    while (current != null) {
      ElementInstance scope = state.elementInstance(current.flowScopeKey()).orElse(null);
      boolean inner =
          current.isAdHocInnerInstance() || (scope != null && scope.isMultiInstanceBody() && scope.element() == current.element());
      ExecutableElement boundary = inner ? null : pick(current.element().boundaryEvents(), kind, errorCode);
      if (boundary != null) {
        return new Catch(current, boundary); // on a multi-instance activity, the body owns the boundary events
      }
      ElementInstance container = state.elementInstance(current.flowScopeKey()).orElse(null);
      if (container == null) {
        // the root of a called process: go on at the call activity in the parent
        long caller = state.processInstance(current.key()).map(p -> p.parentElementInstanceKey()).orElse(-1L);
        current = state.elementInstance(caller).orElse(null);
        continue;
      }
      List<ExecutableElement> starts =
          container.isMultiInstanceBody() || container.isAdHocInnerInstance()
              ? List.of()
              : container.element().eventSubProcesses().stream().flatMap(e -> e.eventSubProcessStart().stream()).toList();
      ExecutableElement start = pick(starts, kind, errorCode);
      if (start != null) {
        return new Catch(container, start);
      }
      current = container;
    }
    return null;
  }

  /** Triggers the catch event with the error's variables, which stay local to it. */
  void trigger(ProcessingContext ctx, Catch found, Map<String, Object> errorVariables) {
    catchEvents.trigger(ctx, found.owner().key(), found.catchEvent().id(), errorVariables, true);
  }

  /** A catch event with exactly this code, else a catch-all (no code), else null. */
  private static ExecutableElement pick(List<ExecutableElement> candidates, EventKind kind, String errorCode) {
    ExecutableElement catchAll = null;
    for (ExecutableElement candidate : candidates) {
      if (candidate.eventKind() != kind) {
        continue;
      }
      String code =
          kind == EventKind.ERROR ? candidate.errorCode() : candidate.escalationCode() == null ? null : candidate.escalationCode().source();
      if (code == null) {
        catchAll = catchAll == null ? candidate : catchAll;
      } else if (code.equals(errorCode)) {
        return candidate;
      }
    }
    return catchAll;
  }

  static String uncaughtMessage(String errorCode, String errorMessage) {
    String withMessage = errorMessage == null || errorMessage.isEmpty() ? "" : " with message '" + errorMessage + "'";
    return "Expected to throw an error event with the code '" + errorCode + "'" + withMessage
        + ", but it was not caught. No error events are available in the scope.";
  }
}
