package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;

/**
 * Intermediate catch events, receive tasks and event-based gateways: once active they wait for one
 * of the subscriptions {@link CatchEventBehavior} opened for them; the trigger moves them on.
 */
final class AwaitEventProcessor extends ElementProcessor {

  AwaitEventProcessor(BpmnBehavior bpmn) {
    super(bpmn);
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    ctx.emit(new ElementActivated(instance.key()));
  }
}
