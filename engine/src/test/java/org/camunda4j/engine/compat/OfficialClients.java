package org.camunda4j.engine.compat;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.camunda4j.engine.Engine;

/** How every compatibility test connects the official client: REST only, no streaming, no auth. */
final class OfficialClients {

  private OfficialClients() {}

  static CamundaClient connectTo(Engine engine) {
    return CamundaClient.newClientBuilder()
        .restAddress(engine.restAddress())
        .preferRestOverGrpc(true)
        .defaultJobWorkerStreamEnabled(false)
        // Fast polls keep the tests short; the long poll itself keeps the client's default 10 s.
        .defaultJobPollInterval(Duration.ofMillis(50))
        .build();
  }
}
