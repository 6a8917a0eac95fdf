package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.state.ElementInstance;

/** Link throw events: the token goes on at the link catch event of the same name in the same scope. */
final class LinkThrowEventProcessor extends ElementProcessor {

  LinkThrowEventProcessor(BpmnBehavior bpmn) {
    super(bpmn);
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    passThrough(ctx, instance);
  }

  @Override
  void onComplete(ProcessingContext ctx, ElementInstance instance) {
    bpmn.leaveTo(ctx, instance, instance.element().linkTarget());
  }
}
