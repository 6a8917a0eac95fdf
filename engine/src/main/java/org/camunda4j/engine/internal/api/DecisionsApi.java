package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.optionalKey;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.camunda4j.engine.internal.processing.DecisionBehavior.Evaluation;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.EvaluatedInput;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.MatchedRule;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Json;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.DecisionDefinitionResult;
import org.camunda4j.engine.internal.rest.wire.DecisionDefinitionType;
import org.camunda4j.engine.internal.rest.wire.DecisionEvaluationRequest;
import org.camunda4j.engine.internal.rest.wire.DecisionInstanceResult;
import org.camunda4j.engine.internal.rest.wire.DecisionInstanceState;
import org.camunda4j.engine.internal.rest.wire.DecisionRequirementsResult;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.EvaluatedDecisionInputItem;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.EvaluatedDecisionOutputItem;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.EvaluatedDecisionResult;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.MatchedDecisionRuleItem;
import org.camunda4j.engine.internal.state.DecisionInstance;
import org.camunda4j.engine.internal.state.DecisionStore;
import org.camunda4j.engine.internal.state.DeployedDecision;
import org.camunda4j.engine.internal.state.DeployedDecisionRequirements;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Decisions over REST: evaluate, get and search decision definitions, decision requirements (with
 * their XML) and decision instances.
 */
final class DecisionsApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  DecisionsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/decision-definitions/evaluation", this::evaluate)
        .route("POST", "/v2/decision-definitions/search", this::searchDefinitions)
        .route("GET", "/v2/decision-definitions/{decisionDefinitionKey}", this::getDefinition)
        .route("GET", "/v2/decision-definitions/{decisionDefinitionKey}/xml", this::definitionXml)
        .route("POST", "/v2/decision-requirements/search", this::searchRequirements)
        .route("GET", "/v2/decision-requirements/{decisionRequirementsKey}", this::getRequirements)
        .route("GET", "/v2/decision-requirements/{decisionRequirementsKey}/xml", this::requirementsXml)
        .route("POST", "/v2/decision-instances/search", this::searchInstances)
        .route("GET", "/v2/decision-instances/{decisionEvaluationInstanceKey}", this::getInstance);
  }

  // --- evaluation

  private CompletionStage<Reply> evaluate(Request request) {
    DecisionEvaluationRequest body = request.body(DecisionEvaluationRequest.class);
    String tenantId = tenants.forCommand(request, body.tenantId());
    Long decisionKey = body.decisionDefinitionKey() == null ? null : Outcomes.parseKey("decisionDefinitionKey", body.decisionDefinitionKey());
    return Outcomes.reply(
        engine.evaluateDecision(body.decisionDefinitionId(), decisionKey, body.variables(), tenantId),
        evaluation -> Reply.json(toWire(evaluation)));
  }

  private static EvaluateDecisionResult toWire(Evaluation evaluation) {
    DeployedDecision decision = evaluation.decision();
    List<EvaluatedDecisionResult> evaluated =
        evaluation.instances().stream()
            .map(
                i ->
                    new EvaluatedDecisionResult(
                        i.decision().decisionId(), i.decision().name(), i.decision().version(), i.decision().type().name(),
                        Json.writeString(i.output()), i.decision().tenantId(), rules(i.matchedRules()), inputs(i.inputs()),
                        key(i.decision().key()), i.evaluationInstanceKey()))
            .toList();
    return new EvaluateDecisionResult(
        decision.decisionId(), key(decision.key()), decision.name(), decision.version(), key(evaluation.evaluationKey()),
        key(evaluation.evaluationKey()), decision.decisionRequirementsId(), key(decision.decisionRequirementsKey()), evaluated,
        evaluation.outcome().failedDecisionId(), evaluation.outcome().failureMessage(), Json.writeString(evaluation.outcome().output()),
        decision.tenantId());
  }

  private static List<MatchedDecisionRuleItem> rules(List<MatchedRule> rules) {
    return rules.stream()
        .map(
            rule ->
                new MatchedDecisionRuleItem(
                    rule.ruleId(), rule.ruleIndex(),
                    rule.outputs().stream()
                        .map(o -> new EvaluatedDecisionOutputItem(o.outputId(), o.outputName(), Json.writeString(o.value()), rule.ruleId(), rule.ruleIndex()))
                        .toList()))
        .toList();
  }

  private static List<EvaluatedDecisionInputItem> inputs(List<EvaluatedInput> inputs) {
    return inputs.stream().map(i -> new EvaluatedDecisionInputItem(i.inputId(), i.inputName(), Json.writeString(i.value()))).toList();
  }

  // --- decision definitions

  /** A decision with whether it is the latest version of its id, for the {@code isLatestVersion} filter. */
  private record DefinitionRow(DecisionDefinitionResult result, boolean latest) {}

  private static final SearchFields<DefinitionRow> DEFINITION_SORT =
      SearchFields.<DefinitionRow>builder()
          .key("decisionDefinitionKey", r -> r.result().decisionDefinitionKey())
          .string("decisionDefinitionId", r -> r.result().decisionDefinitionId())
          .string("name", r -> r.result().name())
          .integer("version", r -> r.result().version())
          .string("decisionRequirementsId", r -> r.result().decisionRequirementsId())
          .key("decisionRequirementsKey", r -> r.result().decisionRequirementsKey())
          .string("decisionRequirementsName", r -> r.result().decisionRequirementsName())
          .integer("decisionRequirementsVersion", r -> r.result().decisionRequirementsVersion())
          .string("tenantId", r -> r.result().tenantId())
          .build();

  private static final SearchFields<DefinitionRow> DEFINITION_FILTER =
      SearchFields.<DefinitionRow>builder()
          .key("decisionDefinitionKey", r -> r.result().decisionDefinitionKey())
          .string("decisionDefinitionId", r -> r.result().decisionDefinitionId())
          .string("name", r -> r.result().name())
          .bool("isLatestVersion", DefinitionRow::latest)
          .integer("version", r -> r.result().version())
          .string("decisionRequirementsId", r -> r.result().decisionRequirementsId())
          .key("decisionRequirementsKey", r -> r.result().decisionRequirementsKey())
          .string("decisionRequirementsName", r -> r.result().decisionRequirementsName())
          .integer("decisionRequirementsVersion", r -> r.result().decisionRequirementsVersion())
          .string("tenantId", r -> r.result().tenantId())
          .build();

  private CompletionStage<Reply> searchDefinitions(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(
            state -> state.decisions().decisions().stream()
                .map(d -> new DefinitionRow(toWire(d, state.decisions()), state.decisions().isLatest(d)))
                .toList()),
        rows -> Reply.json(Search.search(tenants.visible(request, rows, r -> r.result().tenantId()), query, DEFINITION_FILTER, DEFINITION_SORT)
            .map(DefinitionRow::result)));
  }

  private CompletionStage<Reply> getDefinition(Request request) {
    long key = request.keyParam("decisionDefinitionKey");
    var readable = tenants.readable(request);
    return found(engine.read(state -> state.decisions().decision(key).filter(d -> readable.test(d.tenantId())).map(d -> toWire(d, state.decisions()))),
        "Decision definition", key, Reply::json);
  }

  private CompletionStage<Reply> definitionXml(Request request) {
    long key = request.keyParam("decisionDefinitionKey");
    var readable = tenants.readable(request);
    return found(
        engine.read(state -> state.decisions().decision(key).filter(d -> readable.test(d.tenantId())).flatMap(d -> state.decisions().requirements(d.decisionRequirementsKey()))),
        "Decision definition", key, requirements -> xml(requirements));
  }

  private static DecisionDefinitionResult toWire(DeployedDecision decision, DecisionStore store) {
    DeployedDecisionRequirements requirements = store.requirements(decision.decisionRequirementsKey()).orElseThrow();
    return new DecisionDefinitionResult(
        decision.decisionId(), key(decision.key()), requirements.decisionRequirementsId(), key(requirements.key()), requirements.name(),
        requirements.version(), decision.name(), decision.tenantId(), decision.version());
  }

  // --- decision requirements

  private static final SearchFields<DecisionRequirementsResult> REQUIREMENTS_FIELDS =
      SearchFields.<DecisionRequirementsResult>builder()
          .key("decisionRequirementsKey", DecisionRequirementsResult::decisionRequirementsKey)
          .string("decisionRequirementsName", DecisionRequirementsResult::decisionRequirementsName)
          .string("decisionRequirementsId", DecisionRequirementsResult::decisionRequirementsId)
          .integer("version", DecisionRequirementsResult::version)
          .string("tenantId", DecisionRequirementsResult::tenantId)
          .string("resourceName", DecisionRequirementsResult::resourceName)
          .build();

  private CompletionStage<Reply> searchRequirements(Request request) {
    return search(request, state -> state.decisions().requirements().stream().map(DecisionsApi::toWire).toList(), REQUIREMENTS_FIELDS,
        DecisionRequirementsResult::tenantId);
  }

  private CompletionStage<Reply> getRequirements(Request request) {
    long key = request.keyParam("decisionRequirementsKey");
    var readable = tenants.readable(request);
    return found(engine.read(state -> state.decisions().requirements(key).filter(r -> readable.test(r.tenantId())).map(DecisionsApi::toWire)),
        "Decision requirements", key, Reply::json);
  }

  private CompletionStage<Reply> requirementsXml(Request request) {
    long key = request.keyParam("decisionRequirementsKey");
    var readable = tenants.readable(request);
    return found(engine.read(state -> state.decisions().requirements(key).filter(r -> readable.test(r.tenantId()))),
        "Decision requirements", key, DecisionsApi::xml);
  }

  /** A graph's file as deployed, as Camunda answers the {@code /xml} endpoints. */
  private static Reply xml(DeployedDecisionRequirements requirements) {
    return Reply.bytes(200, "text/xml", requirements.xml().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private static DecisionRequirementsResult toWire(DeployedDecisionRequirements requirements) {
    return new DecisionRequirementsResult(
        requirements.decisionRequirementsId(), key(requirements.key()), requirements.name(), requirements.resourceName(),
        requirements.tenantId(), requirements.version());
  }

  // --- decision instances

  /** A decision instance and its graph's key, which the filter takes but the result does not carry. */
  private record InstanceRow(DecisionInstanceResult result, String decisionRequirementsKey) {}

  private static final SearchFields<InstanceRow> INSTANCE_FIELDS =
      SearchFields.<InstanceRow>builder()
          .key("decisionEvaluationKey", r -> r.result().decisionEvaluationKey())
          .string("decisionEvaluationInstanceKey", r -> r.result().decisionEvaluationInstanceKey())
          .enumeration("state", DecisionInstanceState.class, r -> r.result().state())
          .string("evaluationFailure", r -> r.result().evaluationFailure())
          .date("evaluationDate", r -> r.result().evaluationDate())
          .string("decisionDefinitionId", r -> r.result().decisionDefinitionId())
          .string("decisionDefinitionName", r -> r.result().decisionDefinitionName())
          .integer("decisionDefinitionVersion", r -> r.result().decisionDefinitionVersion())
          .enumeration("decisionDefinitionType", DecisionDefinitionType.class, r -> r.result().decisionDefinitionType())
          .string("tenantId", r -> r.result().tenantId())
          .key("processDefinitionKey", r -> r.result().processDefinitionKey())
          .key("processInstanceKey", r -> r.result().processInstanceKey())
          .key("decisionDefinitionKey", r -> r.result().decisionDefinitionKey())
          .key("elementInstanceKey", r -> r.result().elementInstanceKey())
          .key("rootDecisionDefinitionKey", r -> r.result().rootDecisionDefinitionKey())
          .key("rootProcessInstanceKey", r -> r.result().rootProcessInstanceKey())
          .key("decisionRequirementsKey", InstanceRow::decisionRequirementsKey)
          .build();

  private CompletionStage<Reply> searchInstances(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(
            state -> state.decisions().instances().stream()
                .map(i -> new InstanceRow(toWire(i, false), key(i.decision().decisionRequirementsKey())))
                .toList()),
        rows -> Reply.json(Search.search(tenants.visible(request, rows, r -> r.result().tenantId()), query, INSTANCE_FIELDS, INSTANCE_FIELDS)
            .map(InstanceRow::result)));
  }

  private CompletionStage<Reply> getInstance(Request request) {
    String key = request.pathParam("decisionEvaluationInstanceKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.decisions().instance(key).filter(i -> readable.test(i.decision().tenantId())).map(i -> toWire(i, true))),
        found -> Reply.json(found.orElseThrow(() -> ApiException.notFound("Decision instance with key '" + key + "' not found"))));
  }

  static DecisionInstanceResult toWire(DecisionInstance instance, boolean withDetails) {
    DeployedDecision decision = instance.decision();
    return new DecisionInstanceResult(
        decision.decisionId(), key(decision.key()), decision.name(), DecisionDefinitionType.valueOf(decision.type().name()),
        decision.version(), instance.evaluationInstanceKey(), key(instance.evaluationKey()), key(instance.elementInstanceKey()),
        date(instance.evaluationDate()), instance.evaluationFailure(), key(instance.processDefinitionKey()),
        key(instance.processInstanceKey()), Json.writeString(instance.output()), key(instance.rootDecisionDefinitionKey()),
        optionalKey(instance.rootProcessInstanceKey()), DecisionInstanceState.valueOf(instance.state()), decision.tenantId(),
        withDetails ? inputs(instance.inputs()) : null, withDetails ? rules(instance.matchedRules()) : null);
  }

  // --- shared

  private static <T> CompletionStage<Reply> found(
      java.util.concurrent.CompletableFuture<Optional<T>> read, String what, long key, Function<T, Reply> reply) {
    return Outcomes.reply(read, found -> reply.apply(found.orElseThrow(() -> ApiException.notFound(what + " with key '" + key + "' not found"))));
  }

  private <T> CompletionStage<Reply> search(
      Request request, Function<EngineState, Collection<T>> rows, SearchFields<T> fields, Function<T, String> tenantOf) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(rows::apply), items -> Reply.json(Search.search(tenants.visible(request, items, tenantOf), query, fields, fields)));
  }
}
