package org.camunda4j.engine.internal.processing;

import java.util.Map;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstanceDeleted;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.ProcessInstance;

/** Creating and cancelling process instances, and setting variables on their scopes. */
final class ProcessInstanceCommands {

  private final EngineState state;
  private final BpmnBehavior bpmn;
  private final VariableBehavior variables;

  ProcessInstanceCommands(EngineState state, BpmnBehavior bpmn, VariableBehavior variables) {
    this.state = state;
    this.bpmn = bpmn;
    this.variables = variables;
  }

  /** By process id: {@code version} -1 (or null) means the latest version. */
  Created createById(ProcessingContext ctx, String bpmnProcessId, Integer version, NewInstance request) {
    boolean latest = version == null || version < 0;
    ProcessDefinition definition =
        (latest ? state.latestDefinition(bpmnProcessId, request.tenantId()) : state.definition(bpmnProcessId, version, request.tenantId()))
            .orElseThrow(
                () ->
                    Rejection.notFound(
                        latest
                            ? "Expected to find process definition with process ID '" + bpmnProcessId + "', but none found"
                            : "Expected to find process definition with process ID '" + bpmnProcessId + "' and version '" + version
                                + "', but none found"));
    return new Created(bpmn.createProcessInstance(ctx, definition, request), definition);
  }

  Created createByKey(ProcessingContext ctx, long processDefinitionKey, NewInstance request) {
    ProcessDefinition definition =
        state
            .definition(processDefinitionKey)
            .orElseThrow(
                () ->
                    Rejection.notFound(
                        "Expected to find process definition with key '" + processDefinitionKey + "', but none found"));
    if (!definition.tenantId().equals(request.tenantId())) {
      throw Rejection.notFound("Expected to find process definition with key '" + processDefinitionKey + "' in tenant '"
          + request.tenantId() + "', but none found");
    }
    return new Created(bpmn.createProcessInstance(ctx, definition, request), definition);
  }

  void cancel(ProcessingContext ctx, long processInstanceKey) {
    ProcessInstance instance = state.processInstance(processInstanceKey).orElse(null);
    if (instance == null || !"ACTIVE".equals(instance.state())) {
      throw Rejection.notFound(
          "Expected to cancel a process instance with key '" + processInstanceKey + "', but no such process was found");
    }
    if (instance.parentProcessInstanceKey() >= 0) {
      throw Rejection.invalidState(
          "Expected to cancel a process instance with key '" + processInstanceKey + "', but it is created by a parent process instance."
              + " Cancel the root process instance '" + instance.rootProcessInstanceKey() + "' instead.");
    }
    bpmn.terminate(ctx, processInstanceKey);
  }

  /**
   * Deletes an ended process instance with what is recorded about it, and its called instances
   * (deepest first). An active instance must be canceled first.
   */
  void delete(ProcessingContext ctx, long processInstanceKey) {
    ProcessInstance instance =
        state.processInstance(processInstanceKey)
            .orElseThrow(() -> Rejection.notFound(
                "Expected to delete process instance with key '" + processInstanceKey + "', but no such process instance was found"));
    if ("ACTIVE".equals(instance.state())) {
      throw Rejection.invalidState(
          "Expected to delete process instance with key '" + processInstanceKey + "', but it is ACTIVE: only a COMPLETED or TERMINATED"
              + " instance can be deleted; cancel it first");
    }
    for (ProcessInstance child : state.processInstances().stream().filter(p -> p.parentProcessInstanceKey() == processInstanceKey).toList()) {
      delete(ctx, child.key());
    }
    ctx.emit(new ProcessInstanceDeleted(processInstanceKey));
  }

  /** {@code local}: only on that scope; otherwise where each variable is already defined, or on the process instance. */
  void setVariables(ProcessingContext ctx, long scopeKey, Map<String, Object> newVariables, boolean local) {
    ElementInstance scope =
        state
            .elementInstance(scopeKey)
            .orElseThrow(
                () ->
                    Rejection.notFound(
                        "Expected to update variables for element with key '" + scopeKey + "', but no such element was found"));
    String tenantId = scope.process().tenantId();
    if (local) {
      variables.setLocal(ctx, scopeKey, scope.processInstanceKey(), tenantId, newVariables);
    } else {
      variables.propagate(ctx, scopeKey, scope.processInstanceKey(), tenantId, newVariables);
    }
  }
}
