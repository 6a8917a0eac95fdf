package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.noContent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.authorization.Grants;
import org.camunda4j.engine.internal.authorization.TaskAccess;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.TaskListenerResult;
import org.camunda4j.engine.internal.processing.UserTaskChanges;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Json;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.ActivatedJobResult;
import org.camunda4j.engine.internal.rest.wire.DeploymentResult;
import org.camunda4j.engine.internal.rest.wire.JobResult;
import org.camunda4j.engine.internal.rest.wire.UserTaskAssignmentRequest;
import org.camunda4j.engine.internal.rest.wire.UserTaskCompletionRequest;
import org.camunda4j.engine.internal.rest.wire.FormResult;
import org.camunda4j.engine.internal.rest.wire.UserTaskResult;
import org.camunda4j.engine.internal.rest.wire.UserTaskState;
import org.camunda4j.engine.internal.rest.wire.UserTaskUpdateRequest;
import org.camunda4j.engine.internal.rest.wire.VariableSearchResult;
import org.camunda4j.engine.internal.state.DeployedForm;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.UserTask;
import org.camunda4j.engine.internal.state.UserTaskAttributes;
import org.camunda4j.engine.internal.state.Variable;

/**
 * {@code /v2/user-tasks}: assign, unassign, update and complete (each answers once the task
 * listeners of the transition have run), get and search.
 */
final class UserTasksApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;
  private final AccessGuard access;

  UserTasksApi(EngineOperations engine, TenantAccess tenants, AccessGuard access) {
    this.engine = engine;
    this.tenants = tenants;
    this.access = access;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/user-tasks/{userTaskKey}/assignment", this::assign)
        .route("DELETE", "/v2/user-tasks/{userTaskKey}/assignee", this::unassign)
        .route("POST", "/v2/user-tasks/{userTaskKey}/completion", this::complete)
        .route("PATCH", "/v2/user-tasks/{userTaskKey}", this::update)
        .route("GET", "/v2/user-tasks/{userTaskKey}", this::get)
        .route("GET", "/v2/user-tasks/{userTaskKey}/form", this::form)
        .route("POST", "/v2/user-tasks/search", this::search)
        .route("POST", "/v2/user-tasks/{userTaskKey}/variables/search", this::variables);
  }

  private CompletionStage<Reply> assign(Request request) {
    long key = request.keyParam("userTaskKey");
    UserTaskAssignmentRequest body = request.body(UserTaskAssignmentRequest.class);
    boolean allowOverride = body.allowOverrideOrTrue();
    // without an action, an assignment that may not take the task from someone else is a claim, as in Zeebe
    String action = body.action() == null || body.action().isBlank() ? (allowOverride ? "assign" : "claim") : body.action();
    return noContent(ownTask(request, key, "assign", () -> engine.userTasks().assign(key, body.assignee(), allowOverride, action)));
  }

  private CompletionStage<Reply> unassign(Request request) {
    long key = request.keyParam("userTaskKey");
    return noContent(ownTask(request, key, "unassign", () -> engine.userTasks().unassign(key, "unassign")));
  }

  private CompletionStage<Reply> complete(Request request) {
    long key = request.keyParam("userTaskKey");
    UserTaskCompletionRequest body = request.body(UserTaskCompletionRequest.class);
    return noContent(ownTask(request, key, "complete", () -> engine.userTasks().complete(key, body.variables(), body.actionOrDefault())));
  }

  private CompletionStage<Reply> update(Request request) {
    long key = request.keyParam("userTaskKey");
    UserTaskUpdateRequest body = request.body(UserTaskUpdateRequest.class);
    UserTaskUpdateRequest.Changeset c = body.changeset();
    UserTaskChanges changes =
        c == null
            ? new UserTaskChanges(null, null, null, null, null)
            : new UserTaskChanges(c.dueDate(), c.followUpDate(), c.candidateUsers(), c.candidateGroups(), c.priority());
    return noContent(ownTask(request, key, "update", () -> engine.userTasks().update(key, changes, body.actionOrDefault())));
  }

  /** A user task of a tenant the caller lacks is not found, as if it did not exist. */
  private <T> CompletableFuture<T> ownTask(Request request, long key, String verb, Supplier<CompletableFuture<T>> command) {
    return tenants.owned(request, state -> state.userTasks().get(key).map(task -> task.process().tenantId()),
        "Expected to " + verb + " user task with key '" + key + "', but no such user task was found", command);
  }

  private CompletionStage<Reply> get(Request request) {
    long key = request.keyParam("userTaskKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.userTasks().get(key).filter(task -> readable.test(task.process().tenantId())).map(task -> toWire(state, task))),
        found -> Reply.json(found.orElseThrow(() -> ApiException.notFound("User task with key '" + key + "' not found"))));
  }

  /** What the form endpoint found: no task, a task without a linked form, or the form. */
  private record TaskForm(boolean taskFound, DeployedForm form) {}

  private CompletionStage<Reply> form(Request request) {
    long key = request.keyParam("userTaskKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(
            state ->
                state
                    .userTasks()
                    .get(key)
                    .filter(task -> readable.test(task.process().tenantId()))
                    .map(task -> new TaskForm(true, state.forms().get(task.formKey()).orElse(null)))
                    .orElse(new TaskForm(false, null))),
        found -> {
          if (!found.taskFound()) {
            throw ApiException.notFound("User task with key '" + key + "' not found");
          }
          DeployedForm form = found.form();
          // a task without a linked form has nothing to show: 204, as Camunda answers
          return form == null
              ? Reply.noContent()
              : Reply.json(new FormResult(form.tenantId(), form.formId(), form.schema(), form.version(), key(form.key())));
        });
  }

  // --- search

  /** A task with the JSON text of its process instance's root variables and of its own local ones. */
  private record TaskRow(UserTaskResult result, Map<String, String> processVariables, Map<String, String> localVariables) {}

  private static final SearchFields<TaskRow> FIELDS =
      SearchFields.<TaskRow>builder()
          .key("userTaskKey", r -> r.result().userTaskKey())
          .enumeration("state", UserTaskState.class, r -> r.result().state())
          .string("assignee", r -> r.result().assignee())
          .integer("priority", r -> r.result().priority())
          .string("elementId", r -> r.result().elementId())
          .string("name", r -> r.result().name())
          .strings("candidateGroup", r -> r.result().candidateGroups())
          .strings("candidateUser", r -> r.result().candidateUsers())
          .string("tenantId", r -> r.result().tenantId())
          .string("processDefinitionId", r -> r.result().processDefinitionId())
          .key("processDefinitionKey", r -> r.result().processDefinitionKey())
          .key("processInstanceKey", r -> r.result().processInstanceKey())
          .key("elementInstanceKey", r -> r.result().elementInstanceKey())
          .date("creationDate", r -> r.result().creationDate())
          .date("completionDate", r -> r.result().completionDate())
          .date("followUpDate", r -> r.result().followUpDate())
          .date("dueDate", r -> r.result().dueDate())
          .containsAll("tags", r -> r.result().tags())
          .variableValues("processInstanceVariables", TaskRow::processVariables)
          .variableValues("localVariables", TaskRow::localVariables)
          .build();

  private CompletionStage<Reply> search(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(UserTasksApi::rows),
        rows -> Reply.json(Search.search(readable(request, tenants.visible(request, rows, r -> r.result().tenantId())), query, FIELDS, FIELDS)
            .map(TaskRow::result)));
  }

  /** The tasks the caller may read: through their process, themselves, or a property naming it (TaskAccess). */
  private List<TaskRow> readable(Request request, List<TaskRow> rows) {
    Grants grants = access.grants(request);
    if (grants.all()) {
      return rows;
    }
    return rows.stream().filter(row -> TaskAccess.may(grants, Permission.READ_USER_TASK, Permission.TASK_READ, row.result().processDefinitionId(),
        row.result().userTaskKey(), row.result().assignee(), row.result().candidateUsers(), row.result().candidateGroups())).toList();
  }

  private static List<TaskRow> rows(EngineState state) {
    Map<Long, Map<String, String>> variablesByScope = new HashMap<>();
    for (Variable variable : state.variables()) {
      variablesByScope.computeIfAbsent(variable.scopeKey(), k -> new HashMap<>()).put(variable.name(), Json.writeString(variable.value()));
    }
    List<TaskRow> rows = new ArrayList<>();
    for (UserTask task : state.userTasks().all()) {
      rows.add(
          new TaskRow(
              toWire(state, task),
              variablesByScope.getOrDefault(task.processInstanceKey(), Map.of()),
              variablesByScope.getOrDefault(task.elementInstanceKey(), Map.of())));
    }
    return rows;
  }

  // --- the variables of one task

  private CompletionStage<Reply> variables(Request request) {
    long key = request.keyParam("userTaskKey");
    SearchQuery query = request.body(SearchQuery.class);
    boolean truncate = request.queryParam("truncateValues").map(v -> !v.equalsIgnoreCase("false")).orElse(true);
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.userTasks().get(key).filter(task -> readable.test(task.process().tenantId())).map(task -> visibleVariables(state, task, truncate))),
        found ->
            Reply.json(
                Search.search(
                    found.orElseThrow(() -> ApiException.notFound("User task with key '" + key + "' not found")),
                    query,
                    SearchApi.VARIABLE_FIELDS,
                    SearchApi.VARIABLE_FIELDS)));
  }

  /**
   * The variables a task sees: its own scope's, then each enclosing scope's, an inner variable
   * hiding an outer one of the same name. Once a task has ended its sub-process scopes may be gone,
   * so it sees its own variables and the process instance's.
   */
  private static List<VariableSearchResult> visibleVariables(EngineState state, UserTask task, boolean truncate) {
    List<Long> scopes = new ArrayList<>();
    for (long scope = task.elementInstanceKey(); scope >= 0; ) {
      scopes.add(scope);
      scope = state.elementInstance(scope).map(ElementInstance::flowScopeKey).orElse(-1L);
    }
    if (!scopes.contains(task.processInstanceKey())) {
      scopes.add(task.processInstanceKey());
    }
    Map<Long, List<Variable>> byScope = new HashMap<>();
    for (Variable variable : state.variables()) {
      byScope.computeIfAbsent(variable.scopeKey(), k -> new ArrayList<>()).add(variable);
    }
    Map<String, VariableSearchResult> visible = new java.util.LinkedHashMap<>();
    long root = state.rootOf(task.processInstanceKey());
    for (long scope : scopes) {
      for (Variable variable : byScope.getOrDefault(scope, List.of())) {
        visible.putIfAbsent(variable.name(), SearchApi.toWire(variable, truncate, root));
      }
    }
    return List.copyOf(visible.values());
  }

  static UserTaskResult toWire(EngineState state, UserTask task) {
    UserTaskAttributes attributes = task.attributes();
    Set<String> tags = state.processInstance(task.processInstanceKey()).map(p -> (Set<String>) new java.util.LinkedHashSet<>(p.tags())).orElse(Set.of());
    String elementName = task.element().name();
    return new UserTaskResult(
        elementName == null || elementName.isBlank() ? task.element().id() : elementName,
        UserTaskState.valueOf(task.state().name()),
        attributes.assignee(),
        task.element().id(),
        attributes.candidateGroups(),
        attributes.candidateUsers(),
        task.process().bpmnProcessId(),
        date(task.creationDate()),
        date(task.completionDate()),
        attributes.followUpDate(),
        attributes.dueDate(),
        task.process().tenantId(),
        task.externalFormReference(),
        task.process().version(),
        task.definition().headers(),
        attributes.priority(),
        key(task.key()),
        key(task.elementInstanceKey()),
        task.process().name(),
        key(task.process().key()),
        key(task.processInstanceKey()),
        key(state.rootOf(task.processInstanceKey())),
        Outcomes.optionalKey(task.formKey()),
        tags);
  }

  // --- linked forms, for DeploymentsApi

  static DeploymentResult.DeploymentMetadataResult formToWire(DeployedForm form) {
    return DeploymentResult.DeploymentMetadataResult.of(
        new DeploymentResult.DeploymentFormResult(form.formId(), form.version(), form.resourceName(), form.tenantId(), key(form.key())));
  }

  // --- task-listener jobs, for JobsApi

  /** The task-listener part of a job completion; unknown correction names are kept for the engine to reject. */
  static TaskListenerResult listenerResult(JobResult result, JsonNode body) {
    if (!(result instanceof JobResult.UserTask userTask)) {
      return TaskListenerResult.NONE;
    }
    List<String> unknown = new ArrayList<>();
    JsonNode corrections = body.path("result").path("corrections");
    if (corrections.isObject()) {
      corrections.properties().forEach(
          property -> {
            if (!UserTaskAttributes.NAMES.contains(property.getKey()) && !property.getValue().isNull()) {
              unknown.add(property.getKey());
            }
          });
    }
    JobResult.Corrections c = userTask.corrections();
    return new TaskListenerResult(
        userTask.deniedOrFalse(),
        userTask.deniedReason(),
        c == null
            ? null
            : new TaskListenerResult.Corrections(
                c.assignee(), c.dueDate(), c.followUpDate(), c.candidateUsers(), c.candidateGroups(), c.priority()),
        unknown);
  }

  /** The {@code userTask} object of an activated job, from the engine's map; null for non-listener jobs. */
  @SuppressWarnings("unchecked")
  static ActivatedJobResult.UserTaskProperties listenerProperties(Map<String, Object> userTask) {
    if (userTask == null) {
      return null;
    }
    return new ActivatedJobResult.UserTaskProperties(
        (String) userTask.get("action"),
        (String) userTask.get("assignee"),
        (List<String>) userTask.get("candidateGroups"),
        (List<String>) userTask.get("candidateUsers"),
        (List<String>) userTask.get("changedAttributes"),
        (String) userTask.get("dueDate"),
        (String) userTask.get("followUpDate"),
        (String) userTask.get("formKey"),
        (Integer) userTask.get("priority"),
        (String) userTask.get("userTaskKey"));
  }
}
