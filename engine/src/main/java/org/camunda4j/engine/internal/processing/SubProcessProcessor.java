package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;

/**
 * Embedded sub-processes: a token starts at the none start event; the sub-process completes when
 * its last child has (see {@link BpmnBehavior#leave}).
 */
final class SubProcessProcessor extends ElementProcessor {

  SubProcessProcessor(BpmnBehavior bpmn) {
    super(bpmn);
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    ctx.emit(new ElementActivated(instance.key()));
    bpmn.activateElement(ctx, instance, instance.element().noneStartEvent().orElseThrow(), 0);
  }
}
