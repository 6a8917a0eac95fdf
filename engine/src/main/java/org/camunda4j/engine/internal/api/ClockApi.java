package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.noContent;

import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.ClockPinRequest;

/**
 * {@code PUT /v2/clock} pins the engine clock, {@code POST /v2/clock/reset} releases it. The reply
 * waits until everything that fell due at the new time (timeouts, backoffs) has been processed.
 */
final class ClockApi {

  private final EngineOperations engine;

  ClockApi(EngineOperations engine) {
    this.engine = engine;
  }

  void register(Router router) {
    router.route("PUT", "/v2/clock", this::pin).route("POST", "/v2/clock/reset", this::reset);
  }

  private CompletionStage<Reply> pin(Request request) {
    ClockPinRequest body = request.body(ClockPinRequest.class);
    engine.clock().pin(body.timestamp());
    return noContent(engine.tick());
  }

  private CompletionStage<Reply> reset(Request request) {
    engine.clock().reset();
    return noContent(engine.tick());
  }
}
