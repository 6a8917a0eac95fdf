package org.camunda4j.engine.internal.processing;

import java.util.List;
import org.camunda4j.engine.internal.model.ElementType;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.record.EngineEvent.CompensationSubscribed;
import org.camunda4j.engine.internal.record.EngineEvent.CompensationSubscriptionClosed;
import org.camunda4j.engine.internal.record.EngineEvent.CompensationTriggered;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleting;
import org.camunda4j.engine.internal.state.CompensationSubscription;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Compensation as Camunda 8.9 runs it. An activity with a compensation boundary event subscribes
 * when it completes (a multi-instance activity once, when its body completes); a sub-process or
 * multi-instance body that completes with such subscriptions inside subscribes too, so that a
 * compensation of its scope reaches them. A compensation throw event invokes, at once, the handlers
 * of the completed activities of its scope (of the scope around it when it sits in an event
 * sub-process) and of the completed sub-processes in it, or of its {@code activityRef} only, and
 * waits until every handler it invoked completed. Active or terminated activities are never
 * compensated; each completion is compensated at most once.
 *
 * <p>The compensation boundary event and the handler are activated beside the throw event, in its
 * flow scope, as Camunda does; the handler has no outgoing flow, so its completion only tells the
 * throw event.
 */
final class CompensationBehavior {

  private final EngineState state;
  private BpmnBehavior bpmn;

  CompensationBehavior(EngineState state) {
    this.state = state;
  }

  /** Bound once by EngineOperations, since the element lifecycle and this behaviour need each other. */
  void bind(BpmnBehavior bpmn) {
    this.bpmn = bpmn;
  }

  /**
   * An element instance completed: it may become compensable, and it may be a handler a throw event
   * waits for. {@code innerInstance}: one instance of a multi-instance activity, whose compensation
   * boundary event belongs to the body, or an ad-hoc sub-process's inner instance, whose belongs to the sub-process.
   */
  void completed(ProcessingContext ctx, ElementInstance instance, boolean innerInstance) {
    ExecutableElement element = instance.element();
    List<CompensationSubscription> subscriptions = List.copyOf(state.compensationSubscriptions(instance.processInstanceKey()));
    String handlerId =
        innerInstance ? null : element.compensationBoundaryEvent().map(b -> b.compensationHandler().id()).orElse(null);
    boolean container =
        (element.type() == ElementType.SUB_PROCESS || instance.isMultiInstanceBody())
            && subscriptions.stream().anyMatch(s -> s.scopeKey() == instance.key() && !s.triggered());
    if (handlerId != null || container) {
      ctx.emit(
          new CompensationSubscribed(
              new CompensationSubscription(
                  state.nextKey(), instance.processInstanceKey(), element.id(), instance.key(), instance.flowScopeKey(), handlerId,
                  -1, -1)));
    }
    for (CompensationSubscription subscription : subscriptions) {
      if (subscription.handlerInstanceKey() == instance.key()) {
        handlerCompleted(ctx, subscription);
      }
    }
  }

  private void handlerCompleted(ProcessingContext ctx, CompensationSubscription done) {
    ctx.emit(new CompensationSubscriptionClosed(done.key(), done.processInstanceKey()));
    boolean othersRunning =
        state.compensationSubscriptions(done.processInstanceKey()).stream()
            .anyMatch(s -> s.throwEventInstanceKey() == done.throwEventInstanceKey());
    if (!othersRunning) {
      ctx.followUp(() -> bpmn.complete(ctx, done.throwEventInstanceKey()));
    }
  }

  /**
   * A compensation throw event activated: invokes the handlers it compensates. Returns whether it
   * invoked any, so that the throw event waits for them; without any it completes at once.
   */
  boolean trigger(ProcessingContext ctx, ElementInstance throwEvent) {
    ElementInstance scope = state.elementInstance(throwEvent.flowScopeKey()).orElseThrow();
    long compensatedScope = scope.element().type() == ElementType.EVENT_SUB_PROCESS ? scope.flowScopeKey() : scope.key();
    ExecutableElement only = throwEvent.element().compensationActivity();
    List<CompensationSubscription> open =
        state.compensationSubscriptions(throwEvent.processInstanceKey()).stream().filter(s -> !s.triggered()).toList();
    boolean invoked = false;
    for (CompensationSubscription subscription : open) {
      if (subscription.scopeKey() == compensatedScope && (only == null || subscription.activityId().equals(only.id()))) {
        invoked |= invoke(ctx, throwEvent, scope, subscription, open);
      }
    }
    return invoked;
  }

  /** Invokes one subscription's handler, then those of the completed activities inside it (a sub-process). */
  private boolean invoke(
      ProcessingContext ctx, ElementInstance throwEvent, ElementInstance scope, CompensationSubscription subscription,
      List<CompensationSubscription> open) {
    boolean invoked = false;
    if (subscription.handlerId() == null) {
      ctx.emit(new CompensationSubscriptionClosed(subscription.key(), subscription.processInstanceKey()));
    } else {
      ExecutableElement boundary = throwEvent.process().element(subscription.activityId()).compensationBoundaryEvent().orElseThrow();
      long boundaryKey = bpmn.activateDirectly(ctx, scope, boundary, 0);
      ctx.emit(new ElementCompleting(boundaryKey));
      ctx.emit(new ElementCompleted(boundaryKey, ctx.now()));
      long handlerKey = bpmn.activateElement(ctx, scope, boundary.compensationHandler(), 0);
      ctx.emit(new CompensationTriggered(subscription.key(), subscription.processInstanceKey(), throwEvent.key(), handlerKey));
      invoked = true;
    }
    for (CompensationSubscription inner : open) {
      if (inner.scopeKey() == subscription.activityInstanceKey()) {
        invoked |= invoke(ctx, throwEvent, scope, inner, open);
      }
    }
    return invoked;
  }
}
