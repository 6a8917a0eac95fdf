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
import org.camunda4j.engine.internal.rest.wire.MessageSubscriptionResult;
import org.camunda4j.engine.internal.rest.wire.MessageSubscriptionState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.MessageSubscription;
import org.camunda4j.engine.internal.state.MessageSubscriptionRecord;

/** {@code POST /v2/message-subscriptions/search}: the message subscriptions of process instances, open or closed. */
final class MessageSubscriptionsApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  MessageSubscriptionsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router.route("POST", "/v2/message-subscriptions/search", this::search);
  }

  static final SearchFields<MessageSubscriptionResult> FIELDS =
      SearchFields.<MessageSubscriptionResult>builder()
          .key("messageSubscriptionKey", MessageSubscriptionResult::messageSubscriptionKey)
          .string("processDefinitionId", MessageSubscriptionResult::processDefinitionId)
          .key("processDefinitionKey", MessageSubscriptionResult::processDefinitionKey)
          .key("processInstanceKey", MessageSubscriptionResult::processInstanceKey)
          .string("elementId", MessageSubscriptionResult::elementId)
          .key("elementInstanceKey", MessageSubscriptionResult::elementInstanceKey)
          .enumeration("messageSubscriptionState", MessageSubscriptionState.class, MessageSubscriptionResult::messageSubscriptionState)
          .date("lastUpdatedDate", MessageSubscriptionResult::lastUpdatedDate)
          .string("messageName", MessageSubscriptionResult::messageName)
          .string("correlationKey", MessageSubscriptionResult::correlationKey)
          .string("tenantId", MessageSubscriptionResult::tenantId)
          .build();

  private CompletionStage<Reply> search(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(state -> state.messageSubscriptionRecords().stream().map(r -> toWire(r, state)).toList()),
        rows -> Reply.json(Search.search(tenants.visible(request, rows, MessageSubscriptionResult::tenantId), query, FIELDS, FIELDS)));
  }

  private static MessageSubscriptionResult toWire(MessageSubscriptionRecord record, EngineState state) {
    MessageSubscription s = record.subscription();
    long definitionKey = state.processInstance(s.processInstanceKey()).map(p -> p.definition().key()).orElse(-1L);
    return new MessageSubscriptionResult(
        key(s.key()),
        s.bpmnProcessId(),
        Outcomes.optionalKey(definitionKey),
        key(s.processInstanceKey()),
        key(state.rootOf(s.processInstanceKey())),
        s.catchElementId(),
        key(s.ownerKey()),
        MessageSubscriptionState.valueOf(record.state().name()),
        date(record.lastUpdated()),
        s.messageName(),
        s.correlationKey(),
        s.tenantId());
  }
}
