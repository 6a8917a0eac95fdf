package org.camunda4j.engine.usertask;

import java.util.Map;
import org.camunda4j.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the user-task scenarios: a fresh engine per test, reached only over HTTP. */
abstract class UserTaskScenario {

  protected Engine engine;
  protected UserTaskHttp http;

  @BeforeEach
  final void startEngine() {
    engine = Engine.start();
    http = new UserTaskHttp(engine.restAddress());
  }

  @AfterEach
  final void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Deploys {@code usertask/<processId>.bpmn} and starts an instance of it; returns the instance key. */
  protected String start(String processId, Map<String, ?> variables) {
    http.deployOk("usertask/" + processId + ".bpmn");
    return http.createInstance(processId, variables);
  }

  protected String start(String processId) {
    return start(processId, Map.of());
  }
}
