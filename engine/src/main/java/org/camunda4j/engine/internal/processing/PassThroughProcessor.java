package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.state.ElementInstance;

/**
 * Elements that only let the token pass: none start, none intermediate throw and none end events,
 * boundary events (activated when they were triggered), undefined and manual tasks.
 */
final class PassThroughProcessor extends ElementProcessor {

  PassThroughProcessor(BpmnBehavior bpmn) {
    super(bpmn);
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    passThrough(ctx, instance);
  }
}
