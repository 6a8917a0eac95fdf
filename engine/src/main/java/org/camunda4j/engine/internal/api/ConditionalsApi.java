package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.ConditionalEvaluationRequest;
import org.camunda4j.engine.internal.rest.wire.ConditionalEvaluationResult;
import org.camunda4j.engine.internal.rest.wire.ConditionalEvaluationResult.ProcessInstanceReference;

/** {@code POST /v2/conditionals/evaluation}: starts instances at the root-level conditional start events whose condition holds. */
final class ConditionalsApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  ConditionalsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router.route("POST", "/v2/conditionals/evaluation", this::evaluate);
  }

  private CompletionStage<Reply> evaluate(Request request) {
    ConditionalEvaluationRequest body = request.body(ConditionalEvaluationRequest.class);
    String tenantId = tenants.forCommand(request, body.tenantId());
    Long definitionKey = body.processDefinitionKey() == null ? null : Outcomes.parseKey("processDefinitionKey", body.processDefinitionKey());
    return Outcomes.reply(
        engine.evaluateConditionals(definitionKey, body.variables()),
        evaluation -> Reply.json(
            new ConditionalEvaluationResult(
                key(evaluation.key()), tenantId,
                evaluation.started().stream().map(s -> new ProcessInstanceReference(key(s[0]), key(s[1]))).toList())));
  }
}
