package org.camunda4j.engine.it;

import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the scenario tests: a fresh engine for every test, reached only over HTTP.
 *
 * <p>One engine per test keeps scenarios independent (job types, process ids and the clock are
 * never shared), so test classes can run in parallel and in any order.
 */
abstract class EngineScenario {

  protected Engine engine;
  protected EngineHttp http;

  /** Override to start the engine with another configuration. */
  protected EngineConfig engineConfig() {
    return EngineConfig.defaults();
  }

  @BeforeEach
  final void startEngine() {
    engine = Engine.start(engineConfig());
    http = new EngineHttp(engine.restAddress());
  }

  @AfterEach
  final void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Classpath location of a scenario's BPMN file. */
  protected static String bpmn(String fileName) {
    return "bpmn/" + fileName;
  }

  /** Classpath location of a scenario's DMN file. */
  protected static String dmn(String fileName) {
    return "dmn/" + fileName;
  }
}
