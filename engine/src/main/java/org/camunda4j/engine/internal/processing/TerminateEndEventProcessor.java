package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.JoinTokensDiscarded;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;

/** Terminate end events end every other branch of their scope; tokens waiting at joins are dropped. */
final class TerminateEndEventProcessor extends ElementProcessor {

  private final EngineState state;

  TerminateEndEventProcessor(BpmnBehavior bpmn, EngineState state) {
    super(bpmn);
    this.state = state;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance endEvent) {
    ctx.emit(new ElementActivated(endEvent.key()));
    for (ElementInstance sibling : state.children(endEvent.flowScopeKey())) {
      if (sibling.key() != endEvent.key()) {
        bpmn.terminate(ctx, sibling.key());
      }
    }
    ctx.emit(new JoinTokensDiscarded(endEvent.flowScopeKey()));
    ctx.followUp(() -> bpmn.complete(ctx, endEvent.key()));
  }
}
