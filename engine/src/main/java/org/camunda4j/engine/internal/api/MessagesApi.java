package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.MessageCorrelationRequest;
import org.camunda4j.engine.internal.rest.wire.MessageCorrelationResult;
import org.camunda4j.engine.internal.rest.wire.MessagePublicationRequest;
import org.camunda4j.engine.internal.rest.wire.MessagePublicationResult;
import org.camunda4j.engine.internal.rest.wire.SignalBroadcastRequest;
import org.camunda4j.engine.internal.rest.wire.SignalBroadcastResult;

/** {@code /v2/messages/publication}, {@code /v2/messages/correlation} and {@code /v2/signals/broadcast}. */
final class MessagesApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  MessagesApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/messages/publication", this::publish)
        .route("POST", "/v2/messages/correlation", this::correlate)
        .route("POST", "/v2/signals/broadcast", this::broadcast);
  }

  private CompletionStage<Reply> publish(Request request) {
    MessagePublicationRequest body = request.body(MessagePublicationRequest.class);
    String tenantId = tenants.forCommand(request, body.tenantId());
    return Outcomes.reply(
        engine.publishMessage(
            body.name(), body.correlationKeyOrEmpty(), body.timeToLiveOrZero(), body.messageId(), body.variables(), tenantId),
        messageKey -> Reply.json(new MessagePublicationResult(tenantId, key(messageKey))));
  }

  private CompletionStage<Reply> correlate(Request request) {
    MessageCorrelationRequest body = request.body(MessageCorrelationRequest.class);
    String tenantId = tenants.forCommand(request, body.tenantId());
    return Outcomes.reply(
        engine.correlateMessage(body.name(), body.correlationKeyOrEmpty(), body.variables(), tenantId),
        keys -> Reply.json(new MessageCorrelationResult(tenantId, key(keys[0]), key(keys[1]))));
  }

  private CompletionStage<Reply> broadcast(Request request) {
    SignalBroadcastRequest body = request.body(SignalBroadcastRequest.class);
    String tenantId = tenants.forCommand(request, body.tenantId());
    return Outcomes.reply(
        engine.broadcastSignal(body.signalName(), body.variables(), tenantId),
        signalKey -> Reply.json(new SignalBroadcastResult(tenantId, key(signalKey))));
  }
}
