package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.state.ElementInstance;

/**
 * Event sub-processes are entered already active, when their start event is triggered
 * ({@link CatchEventBehavior#trigger}); they complete like any container when their last child has.
 */
final class EventSubProcessProcessor extends ElementProcessor {

  EventSubProcessProcessor(BpmnBehavior bpmn) {
    super(bpmn);
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    throw new IllegalStateException("an event sub-process is activated by its start event, never by a sequence flow: " + instance.element());
  }
}
