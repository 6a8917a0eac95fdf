package org.camunda4j.engine.internal.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.LicenseResponse;
import org.camunda4j.engine.internal.rest.wire.TopologyResponse;
import org.camunda4j.engine.internal.rest.wire.TopologyResponse.BrokerInfo;
import org.camunda4j.engine.internal.rest.wire.TopologyResponse.Health;
import org.camunda4j.engine.internal.rest.wire.TopologyResponse.Partition;
import org.camunda4j.engine.internal.rest.wire.TopologyResponse.Role;

/** {@code /v2/topology}, {@code /v2/status} and {@code /v2/license}: one healthy broker, one partition. */
final class ClusterApi {

  /** The API version the engine speaks, reported as the gateway and broker version. */
  static final String VERSION = "8.9.0";

  private final String host;
  private final java.util.function.IntSupplier port;
  private final String clusterId;

  ClusterApi(String host, java.util.function.IntSupplier port, String clusterId) {
    this.host = host;
    this.port = port;
    this.clusterId = clusterId;
  }

  void register(Router router) {
    router
        .route("GET", "/v2/topology", this::topology)
        .route("GET", "/v2/status", request -> CompletableFuture.completedFuture(Reply.noContent()))
        .route("GET", "/v2/license", this::license);
  }

  private CompletionStage<Reply> topology(Request request) {
    BrokerInfo broker =
        new BrokerInfo(0, host, port.getAsInt(), List.of(new Partition(1, Role.LEADER, Health.HEALTHY)), VERSION);
    return CompletableFuture.completedFuture(
        Reply.json(new TopologyResponse(List.of(broker), clusterId, 1, 1, 1, VERSION, "-1")));
  }

  private CompletionStage<Reply> license(Request request) {
    return CompletableFuture.completedFuture(Reply.json(new LicenseResponse(true, "camunda4j embedded engine (Apache-2.0)", false, null)));
  }
}
