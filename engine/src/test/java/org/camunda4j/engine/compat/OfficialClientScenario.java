package org.camunda4j.engine.compat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.util.ArrayList;
import java.util.List;
import org.camunda4j.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the compatibility tests: a fresh engine and an official client connected to it for every
 * test; workers a test opens (add them to {@link #workers}) are closed after it.
 */
abstract class OfficialClientScenario {

  protected Engine engine;
  protected CamundaClient client;
  protected final List<JobWorker> workers = new ArrayList<>();

  @BeforeEach
  final void startEngineAndClient() {
    engine = Engine.start();
    client = OfficialClients.connectTo(engine);
  }

  @AfterEach
  final void stopEverything() {
    workers.forEach(JobWorker::close);
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.close();
    }
  }
}
