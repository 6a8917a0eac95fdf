package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;

/**
 * Compensation intermediate throw and end events: they invoke the compensation handlers of their
 * scope (or of their {@code activityRef}) and stay active until every one of them completed, then
 * go on (or end) as a none event does.
 */
final class CompensationThrowEventProcessor extends ElementProcessor {

  private final CompensationBehavior compensation;

  CompensationThrowEventProcessor(BpmnBehavior bpmn, CompensationBehavior compensation) {
    super(bpmn);
    this.compensation = compensation;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    ctx.emit(new ElementActivated(instance.key()));
    if (!compensation.trigger(ctx, instance)) {
      ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
    }
  }
}
