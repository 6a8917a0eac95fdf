package org.camunda4j.engine.internal.processing;

import java.util.List;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;

/**
 * What one kind of BPMN element does. {@link BpmnBehavior} runs the lifecycle every element shares
 * (input and output mappings, execution listeners, the subscriptions of boundary events and event
 * sub-processes, terminating children); a processor adds only what is particular to its kind.
 *
 * <p>Adding an element is one subclass and one line in {@link ElementProcessors}; behaviour shared
 * between kinds (jobs, incidents, variables, event triggers) lives in the {@code *Behavior} objects a
 * processor is given.
 */
abstract class ElementProcessor {

  protected final BpmnBehavior bpmn;

  ElementProcessor(BpmnBehavior bpmn) {
    this.bpmn = bpmn;
  }

  /**
   * The rest of ACTIVATING, after input mappings, start listeners and subscriptions: emit
   * {@code ElementActivated} and wait (for a job, a message, children), or complete at once. A step
   * that fails raises an incident with {@code IncidentStep.ACTIVATE_ELEMENT}, which runs this again.
   */
  abstract void onActivate(ProcessingContext ctx, ElementInstance instance);

  /**
   * The rest of COMPLETING, after output mappings and end listeners: by default the element
   * completes and takes all its outgoing flows. A step that fails raises an incident with
   * {@code IncidentStep.COMPLETE_ELEMENT}, which runs this again.
   */
  void onComplete(ProcessingContext ctx, ElementInstance instance) {
    bpmn.leave(ctx, instance, instance.element().outgoing());
  }

  /**
   * Called when the instance is being terminated, after its incidents and job are gone and before
   * its children end.
   *
   * @return true when the processor holds the instance in TERMINATING and finishes it later itself
   */
  boolean onTerminate(ProcessingContext ctx, ElementInstance instance) {
    return false;
  }

  /**
   * A child of this container instance completed and took {@code flows} (none when its path ended
   * there): by default the container completes once nothing runs in it any more.
   */
  void onChildLeft(ProcessingContext ctx, ElementInstance scope, ElementInstance child, List<SequenceFlow> flows) {
    bpmn.completeScopeIfDone(ctx, scope);
  }

  /**
   * For an element with more than one incoming flow that waits for tokens (a joining gateway):
   * whether the tokens that arrived in {@code scope} are enough to activate it.
   */
  boolean readyToJoin(ElementInstance scope, ExecutableElement element) {
    return true;
  }

  /** An element that does nothing of its own: it becomes active and completes in the same command. */
  protected final void passThrough(ProcessingContext ctx, ElementInstance instance) {
    ctx.emit(new ElementActivated(instance.key()));
    ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
  }
}
