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
        // Fast polls keep the tests short.
        .defaultJobPollInterval(Duration.ofMillis(50))
        // The client's 10 s default doubles as its socket timeout. On a shared, heavily loaded
        // test machine (load averages above 20 were seen on 2 cores) a few commands crossed it,
        // so give every call 30 s. This changes no request shape; workers then long-poll with
        // requestTimeout 30000, which the engine treats like any other value.
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .build();
  }
}
