package org.camunda4j.engine.internal.rest.wire;

/** The {@code type} of an element instance, as 8.9 names BPMN element types. */
public enum ElementInstanceType {
  UNSPECIFIED,
  PROCESS,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  AD_HOC_SUB_PROCESS,
  AD_HOC_SUB_PROCESS_INNER_INSTANCE,
  START_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  END_EVENT,
  SERVICE_TASK,
  RECEIVE_TASK,
  USER_TASK,
  MANUAL_TASK,
  TASK,
  EXCLUSIVE_GATEWAY,
  INCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  EVENT_BASED_GATEWAY,
  SEQUENCE_FLOW,
  MULTI_INSTANCE_BODY,
  CALL_ACTIVITY,
  BUSINESS_RULE_TASK,
  SCRIPT_TASK,
  SEND_TASK,
  UNKNOWN;

  /** The wire type of an engine element type of the same name; {@code UNKNOWN} for one 8.9 does not name. */
  public static ElementInstanceType of(String engineTypeName) {
    for (ElementInstanceType type : values()) {
      if (type.name().equals(engineTypeName)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
