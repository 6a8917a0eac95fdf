package org.camunda4j.engine.internal.processing;

import java.util.Optional;
import org.camunda4j.engine.internal.model.JobDefinition;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.JobCreated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.JobKind;

/**
 * Elements whose work is done by a job worker: the element creates a job from its
 * {@code zeebe:taskDefinition} and waits; completing the job completes the element.
 */
final class JobBehavior {

  private record Target(String type, long retries) {}

  private final EngineState state;
  private final ElementExpressions expressions;

  JobBehavior(EngineState state, ElementExpressions expressions) {
    this.state = state;
    this.expressions = expressions;
  }

  /** Creates the element's job and activates the element; a failing type or retries expression raises an incident. */
  void createJob(ProcessingContext ctx, ElementInstance instance) {
    if (createJob(ctx, instance, JobKind.BPMN_ELEMENT)) {
      ctx.emit(new ElementActivated(instance.key()));
    }
  }

  /**
   * Creates a job of this kind for the element (an ad-hoc sub-process creates one each time a worker
   * has to decide); a failing type or retries expression raises an incident instead.
   *
   * @return whether the job was created
   */
  boolean createJob(ProcessingContext ctx, ElementInstance instance, JobKind kind) {
    JobDefinition definition = instance.element().jobDefinition();
    Optional<Target> target =
        expressions.evaluate(ctx, instance, (feel, variables) ->
            new Target(feel.evaluateString(definition.type(), variables), feel.evaluateLong(definition.retries(), variables)));
    if (target.isEmpty()) {
      return false;
    }
    String type = target.get().type();
    long retries = target.get().retries();
    ProcessDefinition process = instance.process();
    ctx.emit(
        new JobCreated(
            state.nextKey(), type, (int) retries, definition.headers(), instance.key(), instance.element().id(),
            instance.processInstanceKey(), process.key(), process.bpmnProcessId(), process.version(), process.tenantId(),
            kind, "UNSPECIFIED", ctx.now()));
    ctx.jobsAvailable(type);
    return true;
  }
}
