package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Json;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.IncidentErrorType;
import org.camunda4j.engine.internal.rest.wire.IncidentResult;
import org.camunda4j.engine.internal.rest.wire.IncidentState;
import org.camunda4j.engine.internal.rest.wire.JobKind;
import org.camunda4j.engine.internal.rest.wire.JobListenerEventType;
import org.camunda4j.engine.internal.rest.wire.JobSearchResult;
import org.camunda4j.engine.internal.rest.wire.JobState;
import org.camunda4j.engine.internal.rest.wire.VariableSearchResult;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Job;
import org.camunda4j.engine.internal.state.Variable;

/**
 * The {@code /search} endpoints. Rows are read consistently on the processor thread, then filtered,
 * sorted and paged on the caller's thread. Camunda answers these from secondary storage with a lag;
 * the embedded engine answers at once, which no client can tell apart from a fast exporter.
 */
final class SearchApi {

  /** Camunda's search truncates variable values longer than this when truncateValues is on. */
  static final int TRUNCATE_AT = 8191;

  private final EngineOperations engine;
  private final TenantAccess tenants;
  private final AccessGuard access;

  SearchApi(EngineOperations engine, TenantAccess tenants, AccessGuard access) {
    this.engine = engine;
    this.tenants = tenants;
    this.access = access;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/process-instances/search", new ProcessInstanceSearch(engine, tenants, access)::search)
        .route("POST", "/v2/jobs/search", this::jobs)
        .route("POST", "/v2/incidents/search", this::incidents)
        .route("POST", "/v2/variables/search", this::variables);
  }

  // --- jobs

  private static final SearchFields<JobSearchResult> JOB_FIELDS =
      SearchFields.<JobSearchResult>builder()
          .key("jobKey", JobSearchResult::jobKey)
          .string("type", JobSearchResult::type)
          .string("worker", JobSearchResult::worker)
          .enumeration("state", JobState.class, JobSearchResult::state)
          .enumeration("kind", JobKind.class, JobSearchResult::kind)
          .enumeration("listenerEventType", JobListenerEventType.class, JobSearchResult::listenerEventType)
          .integer("retries", JobSearchResult::retries)
          .string("processDefinitionId", JobSearchResult::processDefinitionId)
          .key("processDefinitionKey", JobSearchResult::processDefinitionKey)
          .key("processInstanceKey", JobSearchResult::processInstanceKey)
          .key("rootProcessInstanceKey", JobSearchResult::rootProcessInstanceKey)
          .string("elementId", JobSearchResult::elementId)
          .key("elementInstanceKey", JobSearchResult::elementInstanceKey)
          .string("tenantId", JobSearchResult::tenantId)
          .string("errorCode", JobSearchResult::errorCode)
          .string("errorMessage", JobSearchResult::errorMessage)
          .bool("hasFailedWithRetriesLeft", JobSearchResult::hasFailedWithRetriesLeft)
          .bool("isDenied", JobSearchResult::isDenied)
          .string("deniedReason", JobSearchResult::deniedReason)
          .date("deadline", JobSearchResult::deadline)
          .date("endTime", JobSearchResult::endTime)
          .date("creationTime", JobSearchResult::creationTime)
          .date("lastUpdateTime", JobSearchResult::lastUpdateTime)
          .build();

  private CompletionStage<Reply> jobs(Request request) {
    return search(request, state -> state.jobs().stream().map(j -> toWire(j, state.rootOf(j.processInstanceKey()))).toList(), JOB_FIELDS,
        JobSearchResult::tenantId, JobSearchResult::processDefinitionId);
  }

  /**
   * A task-listener job reports whether its completion denied the transition (false before it
   * completed); other jobs cannot deny and report null.
   */
  private static Boolean isDenied(Job job) {
    return job.kind() == org.camunda4j.engine.internal.state.JobKind.TASK_LISTENER ? job.denied() : null;
  }

  static JobSearchResult toWire(Job job, long rootProcessInstanceKey) {
    return new JobSearchResult(
        job.customHeaders(),
        date(job.deadline()),
        job.deniedReason(),
        job.elementId(),
        key(job.elementInstanceKey()),
        job.isLive() ? null : date(job.lastUpdateTime()),
        job.errorCode(),
        job.errorMessage(),
        "FAILED".equals(job.lastEvent()) && job.retries() > 0,
        isDenied(job),
        key(job.key()),
        JobKind.valueOf(job.kind().name()),
        JobListenerEventType.valueOf(job.listenerEventType()),
        job.processDefinitionId(),
        key(job.processDefinitionKey()),
        key(job.processInstanceKey()),
        key(rootProcessInstanceKey),
        job.retries(),
        JobState.valueOf(job.lastEvent()),
        job.tenantId(),
        job.type(),
        job.worker(),
        date(job.creationTime()),
        date(job.lastUpdateTime()));
  }

  // --- incidents

  private static final SearchFields<IncidentResult> INCIDENT_FIELDS =
      SearchFields.<IncidentResult>builder()
          .key("incidentKey", IncidentResult::incidentKey)
          .string("processDefinitionId", IncidentResult::processDefinitionId)
          .enumeration("errorType", IncidentErrorType.class, IncidentResult::errorType)
          .string("errorMessage", IncidentResult::errorMessage)
          .string("elementId", IncidentResult::elementId)
          .date("creationTime", IncidentResult::creationTime)
          .enumeration("state", IncidentState.class, IncidentResult::state)
          .string("tenantId", IncidentResult::tenantId)
          .key("processDefinitionKey", IncidentResult::processDefinitionKey)
          .key("processInstanceKey", IncidentResult::processInstanceKey)
          .key("rootProcessInstanceKey", IncidentResult::rootProcessInstanceKey)
          .key("elementInstanceKey", IncidentResult::elementInstanceKey)
          .key("jobKey", IncidentResult::jobKey)
          .build();

  private CompletionStage<Reply> incidents(Request request) {
    return search(request, state -> state.incidents().stream().map(i -> IncidentsApi.toWire(i, state.rootOf(i.processInstanceKey()))).toList(),
        INCIDENT_FIELDS, IncidentResult::tenantId, IncidentResult::processDefinitionId);
  }

  // --- variables

  static final SearchFields<VariableSearchResult> VARIABLE_FIELDS = // also the user-task variable search
      SearchFields.<VariableSearchResult>builder()
          .key("variableKey", VariableSearchResult::variableKey)
          .string("name", VariableSearchResult::name)
          .string("value", VariableSearchResult::value)
          .string("tenantId", VariableSearchResult::tenantId)
          .bool("isTruncated", VariableSearchResult::isTruncated)
          .key("scopeKey", VariableSearchResult::scopeKey)
          .key("processInstanceKey", VariableSearchResult::processInstanceKey)
          .key("rootProcessInstanceKey", VariableSearchResult::rootProcessInstanceKey)
          .build();

  private CompletionStage<Reply> variables(Request request) {
    boolean truncate = request.queryParam("truncateValues").map(v -> !v.equalsIgnoreCase("false")).orElse(true);
    return search(request, state -> state.variables().stream().map(v -> toWire(v, truncate, state.rootOf(v.processInstanceKey()))).toList(),
        VARIABLE_FIELDS, VariableSearchResult::tenantId);
  }

  static VariableSearchResult toWire(Variable variable, boolean truncate, long rootProcessInstanceKey) {
    String json = Json.writeString(variable.value());
    boolean truncated = truncate && json.length() > TRUNCATE_AT;
    return new VariableSearchResult(
        variable.name(),
        variable.tenantId(),
        key(variable.key()),
        key(variable.scopeKey()),
        key(variable.processInstanceKey()),
        key(rootProcessInstanceKey),
        truncated ? json.substring(0, TRUNCATE_AT) : json,
        truncated);
  }

  private <T> CompletionStage<Reply> search(
      Request request, Function<EngineState, Collection<T>> rows, SearchFields<T> fields, Function<T, String> tenantOf) {
    return search(request, rows, fields, tenantOf, null);
  }

  /** With {@code processOf}, only rows of processes the caller may read instances of (READ_PROCESS_INSTANCE). */
  private <T> CompletionStage<Reply> search(Request request, Function<EngineState, Collection<T>> rows, SearchFields<T> fields,
      Function<T, String> tenantOf, Function<T, String> processOf) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(engine.read(rows::apply), items -> {
      List<T> visible = tenants.visible(request, items, tenantOf);
      if (processOf != null) {
        visible = access.visible(request, visible, Permission.READ_PROCESS_INSTANCE, processOf);
      }
      return Reply.json(Search.search(visible, query, fields, fields));
    });
  }
}
