package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.authorization.Permission.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.camunda4j.engine.internal.authorization.Authorizer;
import org.camunda4j.engine.internal.authorization.Grants;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.authorization.TaskAccess;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.UserTask;

/**
 * Enforces authorizations on every route, before its handler: one table says which permission a
 * route needs and on which resource (a fixed {@code *}, a path parameter, the process of a key
 * looked up in the state, or a field of the body). Searches, and job activation, are not refused
 * but filtered by their handlers through {@link #grants}, as 8.9 does. A route missing from the
 * table is refused to anyone the authorizations apply to, so a new endpoint cannot slip through.
 */
final class AccessGuard implements Router.Guard {

  private sealed interface Rule {}

  /** Anyone authenticated; or the handler filters what the caller may see. */
  private record Open() implements Rule {}

  private record Fixed(List<Permission> anyOf, String resourceId) implements Rule {}

  private record PathId(Permission permission, String param) implements Rule {}

  /**
   * The BPMN process (or decision) id of the key in {@code param}; an unknown key, or one of another
   * tenant, is left to the handler's 404, so keys cannot be probed through a 403.
   */
  private record ByKey(List<Permission> anyOf, String param, BiFunction<EngineState, Long, Optional<Keyed>> resourceOf) implements Rule {}

  /** What a key names: the resource id permissions are granted on, and its tenant. */
  private record Keyed(String tenantId, String resourceId) {}

  private record Task(Permission onProcess, Permission onTask) implements Rule {}

  private record Custom(Function<Request, CompletionStage<?>> check) implements Rule {}

  private static final Rule OPEN = new Open();

  private final Authorizer authorizer;
  private final EngineOperations engine;
  private final TenantAccess tenants;
  private final Map<String, Rule> rules = new HashMap<>();

  AccessGuard(Authorizer authorizer, EngineOperations engine, TenantAccess tenants) {
    this.authorizer = authorizer;
    this.engine = engine;
    this.tenants = tenants;
    table();
  }

  /** What the caller of {@code request} may do. */
  Grants grants(Request request) {
    return authorizer.grantsOf(request.caller(), engine.identities());
  }

  /** The rows of a search the caller may see: those whose resource (e.g. BPMN process id) it holds {@code permission} on. */
  <T> List<T> visible(Request request, List<T> rows, Permission permission, Function<T, String> resourceOf) {
    Grants grants = grants(request);
    if (grants.all()) {
      return rows;
    }
    return rows.stream().filter(row -> grants.allows(permission, resourceOf.apply(row))).toList();
  }

  @Override
  public CompletionStage<?> check(String method, String template, Request request) {
    if (!authorizer.enabled() || request.caller().configured()) {
      return null;
    }
    Rule rule = rules.get(method + " " + template);
    if (rule == null) {
      rule = identityRule(method, template);
    }
    if (rule instanceof Open) {
      return null;
    }
    Grants grants = grants(request);
    switch (rule) {
      case null -> throw new ApiException(org.camunda4j.engine.internal.rest.ProblemStatus.FORBIDDEN,
          "Insufficient permissions to perform operation '" + method + "' on '" + template
              + "': with authorizations on, only the callers the engine's configuration names may use it");
      case Open open -> {
        return null;
      }
      case Fixed fixed -> grants.require(fixed.anyOf(), fixed.resourceId());
      case PathId path -> grants.require(path.permission(), request.pathParam(path.param()));
      case ByKey byKey -> {
        long key = request.keyParam(byKey.param());
        var readable = tenants.readable(request);
        return engine.read(state -> byKey.resourceOf().apply(state, key)).thenAccept(resource -> resource
            .filter(keyed -> readable.test(keyed.tenantId()))
            .ifPresent(keyed -> grants.require(byKey.anyOf(), keyed.resourceId())));
      }
      case Task task -> {
        long key = request.keyParam("userTaskKey");
        var readable = tenants.readable(request);
        return engine.read(state -> state.userTasks().get(key)).thenAccept(found -> found
            .filter(userTask -> readable.test(userTask.process().tenantId()))
            .ifPresent(userTask -> {
          if (!TaskAccess.may(grants, task.onProcess(), task.onTask(), userTask)) {
            throw grants.forbidden(task.onProcess(), userTask.process().bpmnProcessId());
          }
        }));
      }
      case Custom custom -> {
        return custom.check().apply(request);
      }
    }
    return null;
  }

  private void table() {
    for (String open : List.of("GET /v2/topology", "GET /v2/status", "GET /v2/license", "GET /v2/authentication/me", "POST /oauth/token",
        "GET /console", "POST /v2/jobs/activation", "POST /v2/jobs/search", "POST /v2/process-instances/search",
        "POST /v2/process-definitions/search", "POST /v2/incidents/search", "POST /v2/user-tasks/search")) {
      rules.put(open, OPEN);
    }
    // deployments, messages, the clock
    fixed("POST /v2/deployments", RESOURCE_CREATE);
    fixed("POST /v2/messages/publication", MESSAGE_CREATE);
    fixed("POST /v2/messages/correlation", MESSAGE_CREATE);
    fixed("POST /v2/signals/broadcast", CREATE_PROCESS_INSTANCE, UPDATE_PROCESS_INSTANCE);
    fixed("POST /v2/conditionals/evaluation", CREATE_PROCESS_INSTANCE);
    fixed("PUT /v2/clock", SYSTEM_UPDATE);
    fixed("POST /v2/clock/reset", SYSTEM_UPDATE);

    // process definitions and instances: on the BPMN process id
    BiFunction<EngineState, Long, Optional<Keyed>> definition =
        (state, key) -> state.definition(key).map(d -> new Keyed(d.tenantId(), d.bpmnProcessId()));
    BiFunction<EngineState, Long, Optional<Keyed>> instance =
        (state, key) -> state.processInstance(key).map(p -> new Keyed(p.definition().tenantId(), p.definition().bpmnProcessId()));
    byKey("GET /v2/process-definitions/{processDefinitionKey}", "processDefinitionKey", definition, READ_PROCESS_DEFINITION);
    byKey("GET /v2/process-definitions/{processDefinitionKey}/xml", "processDefinitionKey", definition, READ_PROCESS_DEFINITION);
    byKey("GET /v2/process-definitions/{processDefinitionKey}/form", "processDefinitionKey", definition, READ_PROCESS_DEFINITION);
    rules.put("POST /v2/process-instances", new Custom(this::createInstance));
    byKey("GET /v2/process-instances/{processInstanceKey}", "processInstanceKey", instance, READ_PROCESS_INSTANCE);
    byKey("POST /v2/process-instances/{processInstanceKey}/cancellation", "processInstanceKey", instance,
        CANCEL_PROCESS_INSTANCE, UPDATE_PROCESS_INSTANCE);
    byKey("POST /v2/process-instances/{processInstanceKey}/modification", "processInstanceKey", instance,
        MODIFY_PROCESS_INSTANCE, UPDATE_PROCESS_INSTANCE);
    byKey("POST /v2/process-instances/{processInstanceKey}/migration", "processInstanceKey", instance, UPDATE_PROCESS_INSTANCE);
    byKey("POST /v2/process-instances/{processInstanceKey}/deletion", "processInstanceKey", instance, DELETE_PROCESS_INSTANCE);
    BiFunction<EngineState, Long, Optional<Keyed>> element =
        (state, key) -> state.elementInstance(key).map(e -> new Keyed(e.process().tenantId(), e.process().bpmnProcessId()));
    byKey("GET /v2/element-instances/{elementInstanceKey}", "elementInstanceKey", element, READ_PROCESS_INSTANCE);
    byKey("PUT /v2/element-instances/{elementInstanceKey}/variables", "elementInstanceKey", element, UPDATE_PROCESS_INSTANCE);
    byKey("POST /v2/element-instances/ad-hoc-activities/{adHocSubProcessInstanceKey}/activation", "adHocSubProcessInstanceKey", element,
        UPDATE_PROCESS_INSTANCE);
    BiFunction<EngineState, Long, Optional<Keyed>> incident =
        (state, key) -> state.incident(key).map(i -> new Keyed(i.tenantId(), i.processDefinitionId()));
    byKey("GET /v2/incidents/{incidentKey}", "incidentKey", incident, READ_PROCESS_INSTANCE);
    byKey("POST /v2/incidents/{incidentKey}/resolution", "incidentKey", incident, UPDATE_PROCESS_INSTANCE);
    BiFunction<EngineState, Long, Optional<Keyed>> job = (state, key) -> state.job(key).map(j -> new Keyed(j.tenantId(), j.processDefinitionId()));
    for (String jobRoute : List.of("POST /v2/jobs/{jobKey}/completion", "POST /v2/jobs/{jobKey}/failure", "POST /v2/jobs/{jobKey}/error",
        "PATCH /v2/jobs/{jobKey}")) {
      byKey(jobRoute, "jobKey", job, UPDATE_PROCESS_INSTANCE);
    }
    // searches without a per-row filter need the permission on every process
    fixed("POST /v2/element-instances/search", READ_PROCESS_INSTANCE);
    fixed("POST /v2/variables/search", READ_PROCESS_INSTANCE);
    fixed("GET /v2/variables/{variableKey}", READ_PROCESS_INSTANCE);
    fixed("POST /v2/message-subscriptions/search", READ_PROCESS_INSTANCE);
    fixed("POST /v2/correlated-message-subscriptions/search", READ_PROCESS_INSTANCE);

    // user tasks
    rules.put("GET /v2/user-tasks/{userTaskKey}", new Task(READ_USER_TASK, TASK_READ));
    rules.put("GET /v2/user-tasks/{userTaskKey}/form", new Task(READ_USER_TASK, TASK_READ));
    rules.put("POST /v2/user-tasks/{userTaskKey}/variables/search", new Task(READ_USER_TASK, TASK_READ));
    rules.put("PATCH /v2/user-tasks/{userTaskKey}", new Task(UPDATE_USER_TASK, TASK_UPDATE));
    rules.put("POST /v2/user-tasks/{userTaskKey}/assignment", new Task(UPDATE_USER_TASK, TASK_UPDATE));
    rules.put("DELETE /v2/user-tasks/{userTaskKey}/assignee", new Task(UPDATE_USER_TASK, TASK_UPDATE));
    rules.put("POST /v2/user-tasks/{userTaskKey}/completion", new Task(COMPLETE_USER_TASK, TASK_COMPLETE));

    // decisions: on the decision id
    BiFunction<EngineState, Long, Optional<Keyed>> decision =
        (state, key) -> state.decisions().decision(key).map(d -> new Keyed(d.tenantId(), d.decisionId()));
    rules.put("POST /v2/decision-definitions/evaluation", new Custom(this::evaluateDecision));
    fixed("POST /v2/decision-definitions/search", READ_DECISION_DEFINITION);
    byKey("GET /v2/decision-definitions/{decisionDefinitionKey}", "decisionDefinitionKey", decision, READ_DECISION_DEFINITION);
    byKey("GET /v2/decision-definitions/{decisionDefinitionKey}/xml", "decisionDefinitionKey", decision, READ_DECISION_DEFINITION);
    fixed("POST /v2/decision-instances/search", READ_DECISION_INSTANCE);
    fixed("GET /v2/decision-instances/{decisionEvaluationInstanceKey}", READ_DECISION_INSTANCE);
    fixed("POST /v2/decision-instances/deletion", DELETE_DECISION_INSTANCE);
    Permission readDrd = new Permission("DECISION_REQUIREMENTS_DEFINITION", "READ");
    fixed("POST /v2/decision-requirements/search", readDrd);
    fixed("GET /v2/decision-requirements/{decisionRequirementsKey}", readDrd);
    fixed("GET /v2/decision-requirements/{decisionRequirementsKey}/xml", readDrd);

    // batch operations
    batch("cancellation", "CREATE_BATCH_OPERATION_CANCEL_PROCESS_INSTANCE");
    batch("deletion", "CREATE_BATCH_OPERATION_DELETE_PROCESS_INSTANCE");
    batch("incident-resolution", "CREATE_BATCH_OPERATION_RESOLVE_INCIDENT");
    batch("migration", "CREATE_BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE");
    batch("modification", "CREATE_BATCH_OPERATION_MODIFY_PROCESS_INSTANCE");
    fixed("POST /v2/batch-operations/search", BATCH_READ);
    fixed("POST /v2/batch-operation-items/search", BATCH_READ);
    fixed("GET /v2/batch-operations/{batchOperationKey}", BATCH_READ);
    for (String action : List.of("cancellation", "resumption", "suspension")) {
      fixed("POST /v2/batch-operations/{batchOperationKey}/" + action, BATCH_UPDATE);
    }
  }

  /**
   * The identity endpoints: CREATE on {@code *}, searches filtered by READ, the rest on the id in the path;
   * adding or removing a member is an UPDATE of the tenant, group or role.
   */
  private static Rule identityRule(String method, String template) {
    String[] segments = template.split("/", -1); // "/v2/users/{username}" -> "", "v2", "users", "{username}"
    if (segments.length < 3) {
      return null;
    }
    String resourceType = switch (segments[2]) {
      case "users" -> "USER";
      case "groups" -> "GROUP";
      case "roles" -> "ROLE";
      case "tenants" -> "TENANT";
      case "mapping-rules" -> "MAPPING_RULE";
      case "authorizations" -> "AUTHORIZATION";
      default -> null;
    };
    if (resourceType == null) {
      return null;
    }
    boolean search = template.endsWith("/search");
    if (segments.length == 4 && search) {
      return OPEN; // IdentityApi leaves out the rows the caller may not read
    }
    if (segments.length == 3) {
      return new Fixed(List.of(Permission.on(resourceType, "CREATE")), "*");
    }
    String param = segments[3].substring(1, segments[3].length() - 1);
    String permission = segments.length > 4
        ? (search ? "READ" : "UPDATE")
        : switch (method) {
          case "GET" -> "READ";
          case "DELETE" -> "DELETE";
          default -> "UPDATE";
        };
    return new PathId(Permission.on(resourceType, permission), param);
  }

  private CompletionStage<?> createInstance(Request request) {
    JsonNode body = request.bodyTree();
    Grants grants = grants(request);
    String processId = text(body, "processDefinitionId");
    if (processId != null) {
      grants.require(CREATE_PROCESS_INSTANCE, processId);
      return null;
    }
    Long key = key(text(body, "processDefinitionKey"));
    if (key == null) {
      return null; // the handler explains what is missing
    }
    var readable = tenants.readable(request);
    return engine.read(state -> state.definition(key).filter(d -> readable.test(d.tenantId())).map(d -> d.bpmnProcessId()))
        .thenAccept(found -> found.ifPresent(id -> grants.require(CREATE_PROCESS_INSTANCE, id)));
  }

  private CompletionStage<?> evaluateDecision(Request request) {
    JsonNode body = request.bodyTree();
    Grants grants = grants(request);
    String decisionId = text(body, "decisionDefinitionId");
    if (decisionId != null) {
      grants.require(CREATE_DECISION_INSTANCE, decisionId);
      return null;
    }
    Long key = key(text(body, "decisionDefinitionKey"));
    if (key == null) {
      return null;
    }
    var readable = tenants.readable(request);
    return engine.read(state -> state.decisions().decision(key).filter(d -> readable.test(d.tenantId())).map(d -> d.decisionId()))
        .thenAccept(found -> found.ifPresent(id -> grants.require(CREATE_DECISION_INSTANCE, id)));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static Long key(String text) {
    try {
      return text == null ? null : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void fixed(String route, Permission... anyOf) {
    rules.put(route, new Fixed(List.of(anyOf), "*"));
  }

  private void byKey(String route, String param, BiFunction<EngineState, Long, Optional<Keyed>> resourceOf, Permission... anyOf) {
    rules.put(route, new ByKey(List.of(anyOf), param, resourceOf));
  }

  private void batch(String action, String specific) {
    fixed("POST /v2/process-instances/" + action, BATCH_CREATE, new Permission("BATCH", specific));
  }
}
