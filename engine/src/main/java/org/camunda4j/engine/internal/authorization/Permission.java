package org.camunda4j.engine.internal.authorization;

/**
 * A permission type on a resource type, as 8.9 names them: an authorization grants one or more
 * permission types of one resource type on a resource id (or {@code *}).
 */
public record Permission(String resourceType, String permissionType) {

  // process definitions: resource id = the BPMN process id
  public static final Permission READ_PROCESS_DEFINITION = new Permission("PROCESS_DEFINITION", "READ_PROCESS_DEFINITION");
  public static final Permission CREATE_PROCESS_INSTANCE = new Permission("PROCESS_DEFINITION", "CREATE_PROCESS_INSTANCE");
  public static final Permission READ_PROCESS_INSTANCE = new Permission("PROCESS_DEFINITION", "READ_PROCESS_INSTANCE");
  public static final Permission UPDATE_PROCESS_INSTANCE = new Permission("PROCESS_DEFINITION", "UPDATE_PROCESS_INSTANCE");
  public static final Permission CANCEL_PROCESS_INSTANCE = new Permission("PROCESS_DEFINITION", "CANCEL_PROCESS_INSTANCE");
  public static final Permission MODIFY_PROCESS_INSTANCE = new Permission("PROCESS_DEFINITION", "MODIFY_PROCESS_INSTANCE");
  public static final Permission DELETE_PROCESS_INSTANCE = new Permission("PROCESS_DEFINITION", "DELETE_PROCESS_INSTANCE");
  public static final Permission READ_USER_TASK = new Permission("PROCESS_DEFINITION", "READ_USER_TASK");
  public static final Permission UPDATE_USER_TASK = new Permission("PROCESS_DEFINITION", "UPDATE_USER_TASK");
  public static final Permission CLAIM_USER_TASK = new Permission("PROCESS_DEFINITION", "CLAIM_USER_TASK");
  public static final Permission COMPLETE_USER_TASK = new Permission("PROCESS_DEFINITION", "COMPLETE_USER_TASK");

  // user tasks themselves: resource id = the task key, or a property (assignee, candidateUsers, candidateGroups)
  public static final Permission TASK_READ = new Permission("USER_TASK", "READ");
  public static final Permission TASK_UPDATE = new Permission("USER_TASK", "UPDATE");
  public static final Permission TASK_CLAIM = new Permission("USER_TASK", "CLAIM");
  public static final Permission TASK_COMPLETE = new Permission("USER_TASK", "COMPLETE");

  // decisions: resource id = the decision id
  public static final Permission READ_DECISION_DEFINITION = new Permission("DECISION_DEFINITION", "READ_DECISION_DEFINITION");
  public static final Permission CREATE_DECISION_INSTANCE = new Permission("DECISION_DEFINITION", "CREATE_DECISION_INSTANCE");
  public static final Permission READ_DECISION_INSTANCE = new Permission("DECISION_DEFINITION", "READ_DECISION_INSTANCE");
  public static final Permission DELETE_DECISION_INSTANCE = new Permission("DECISION_DEFINITION", "DELETE_DECISION_INSTANCE");

  // deployed resources
  public static final Permission RESOURCE_CREATE = new Permission("RESOURCE", "CREATE");
  public static final Permission RESOURCE_READ = new Permission("RESOURCE", "READ");

  public static final Permission MESSAGE_CREATE = new Permission("MESSAGE", "CREATE");
  public static final Permission MESSAGE_READ = new Permission("MESSAGE", "READ");

  public static final Permission BATCH_CREATE = new Permission("BATCH", "CREATE");
  public static final Permission BATCH_READ = new Permission("BATCH", "READ");
  public static final Permission BATCH_UPDATE = new Permission("BATCH", "UPDATE");

  /** The engine clock, which every timer and deadline follows. */
  public static final Permission SYSTEM_UPDATE = new Permission("SYSTEM", "UPDATE");

  /** The web components a caller may open: resource id = the component, e.g. {@code operate} or {@code *}. */
  public static final Permission COMPONENT_ACCESS = new Permission("COMPONENT", "ACCESS");

  /** CREATE, READ, UPDATE or DELETE on an identity resource type (USER, GROUP, ROLE, TENANT, MAPPING_RULE, AUTHORIZATION). */
  public static Permission on(String resourceType, String permissionType) {
    return new Permission(resourceType, permissionType);
  }

  @Override
  public String toString() {
    return permissionType + " on " + resourceType;
  }
}
