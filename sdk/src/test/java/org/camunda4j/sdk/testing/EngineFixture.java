package org.camunda4j.sdk.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ProcessInstance;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;

/**
 * An in-process engine plus a client pointed at it, configured only from the given map (the real
 * environment is replaced by an empty one, so a developer's CAMUNDA_* variables cannot leak in).
 */
public final class EngineFixture implements AutoCloseable {

  public final Engine engine;
  public final CamundaClient client;

  private EngineFixture(Engine engine, CamundaClient client) {
    this.engine = engine;
    this.client = client;
  }

  public static EngineFixture start() {
    return start(Map.of());
  }

  public static EngineFixture start(Map<String, String> configuration) {
    Engine engine = Engine.start();
    Map<String, String> merged = new HashMap<>(configuration);
    merged.put("CAMUNDA_REST_ADDRESS", engine.restAddress().toString());
    CamundaClient client = CamundaClient.builder().environment(Map.of()).configuration(merged).build();
    return new EngineFixture(engine, client);
  }

  public CamundaAsyncClient asyncClient() {
    return client.async();
  }

  public EngineFixture deploy(String... classpathResources) {
    client.deployResourcesFromClasspath(classpathResources);
    return this;
  }

  public long start(String processId, Map<String, Object> variables) {
    return client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId(processId).withVariables(variables))
        .processInstanceKey();
  }

  public ProcessInstance awaitCompleted(long processInstanceKey) {
    return Await.value("process instance " + processInstanceKey + " to complete", Await.DEFAULT, () -> {
      ProcessInstance instance = client.getProcessInstance(processInstanceKey);
      return instance.isCompleted() ? java.util.Optional.of(instance) : java.util.Optional.empty();
    });
  }

  public static Duration lock() {
    return Duration.ofSeconds(30);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      engine.close();
    }
  }
}
