package org.camunda4j.engine.internal.model;

/** The kinds of BPMN element the engine executes. Anything else is rejected at deployment. */
public enum ElementType {
  PROCESS("process"),
  SUB_PROCESS("subProcess"),
  EVENT_SUB_PROCESS("subProcess"),
  AD_HOC_SUB_PROCESS("adHocSubProcess"),
  START_EVENT("startEvent"),
  END_EVENT("endEvent"),
  INTERMEDIATE_CATCH_EVENT("intermediateCatchEvent"),
  INTERMEDIATE_THROW_EVENT("intermediateThrowEvent"),
  BOUNDARY_EVENT("boundaryEvent"),
  TASK("task"),
  MANUAL_TASK("manualTask"),
  SERVICE_TASK("serviceTask"),
  SEND_TASK("sendTask"),
  BUSINESS_RULE_TASK("businessRuleTask"),
  SCRIPT_TASK("scriptTask"),
  RECEIVE_TASK("receiveTask"),
  USER_TASK("userTask"),
  CALL_ACTIVITY("callActivity"),
  EXCLUSIVE_GATEWAY("exclusiveGateway"),
  PARALLEL_GATEWAY("parallelGateway"),
  INCLUSIVE_GATEWAY("inclusiveGateway"),
  EVENT_BASED_GATEWAY("eventBasedGateway");

  private final String bpmnName;

  ElementType(String bpmnName) {
    this.bpmnName = bpmnName;
  }

  /** The element's name in BPMN XML, as error messages show it. */
  public String bpmnName() {
    return bpmnName;
  }

  /** Elements that contain other elements and complete when their last child does. */
  public boolean isContainer() {
    return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS || this == AD_HOC_SUB_PROCESS;
  }

  public boolean isGateway() {
    return this == EXCLUSIVE_GATEWAY || this == PARALLEL_GATEWAY || this == INCLUSIVE_GATEWAY || this == EVENT_BASED_GATEWAY;
  }
}
