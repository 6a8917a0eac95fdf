package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.CorrelatedMessageSubscriptionResult;
import org.camunda4j.engine.internal.state.CorrelatedSubscription;

/** {@code POST /v2/correlated-message-subscriptions/search}: which message reached which subscription. */
final class CorrelatedSubscriptionsApi {

  /** The engine is one partition; keys carry partition 1, as Zeebe's first partition's do. */
  private static final int PARTITION = 1;

  private final EngineOperations engine;
  private final TenantAccess tenants;

  CorrelatedSubscriptionsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router.route("POST", "/v2/correlated-message-subscriptions/search", this::search);
  }

  static final SearchFields<CorrelatedMessageSubscriptionResult> FIELDS =
      SearchFields.<CorrelatedMessageSubscriptionResult>builder()
          .key("messageKey", CorrelatedMessageSubscriptionResult::messageKey)
          .key("subscriptionKey", CorrelatedMessageSubscriptionResult::subscriptionKey)
          .string("correlationKey", CorrelatedMessageSubscriptionResult::correlationKey)
          .date("correlationTime", CorrelatedMessageSubscriptionResult::correlationTime)
          .string("elementId", CorrelatedMessageSubscriptionResult::elementId)
          .key("elementInstanceKey", CorrelatedMessageSubscriptionResult::elementInstanceKey)
          .string("messageName", CorrelatedMessageSubscriptionResult::messageName)
          .integer("partitionId", CorrelatedMessageSubscriptionResult::partitionId)
          .string("processDefinitionId", CorrelatedMessageSubscriptionResult::processDefinitionId)
          .key("processDefinitionKey", CorrelatedMessageSubscriptionResult::processDefinitionKey)
          .key("processInstanceKey", CorrelatedMessageSubscriptionResult::processInstanceKey)
          .string("tenantId", CorrelatedMessageSubscriptionResult::tenantId)
          .build();

  private CompletionStage<Reply> search(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(state -> state.correlatedSubscriptions().map(c -> toWire(c, state.rootOf(c.processInstanceKey()))).toList()),
        rows -> Reply.json(Search.search(tenants.visible(request, rows, CorrelatedMessageSubscriptionResult::tenantId), query, FIELDS, FIELDS)));
  }

  static CorrelatedMessageSubscriptionResult toWire(CorrelatedSubscription c, long rootProcessInstanceKey) {
    return new CorrelatedMessageSubscriptionResult(
        c.correlationKey(),
        date(c.correlationTime()),
        c.elementId(),
        key(c.elementInstanceKey()),
        key(c.messageKey()),
        c.messageName(),
        PARTITION,
        c.processDefinitionId(),
        key(c.processDefinitionKey()),
        key(c.processInstanceKey()),
        key(rootProcessInstanceKey),
        key(c.subscriptionKey()),
        c.tenantId());
  }
}
