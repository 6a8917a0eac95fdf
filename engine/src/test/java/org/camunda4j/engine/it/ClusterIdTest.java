package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology's {@code clusterId} says which state the engine answers from, so that a worker can
 * tell a restarted engine that forgot its jobs from one that kept them.
 */
class ClusterIdTest {

  @TempDir Path dataDirectory;

  @Test
  void anEngineInMemoryIsANewClusterEachTimeItStarts() {
    String first = clusterIdOf(EngineConfig.defaults());
    String second = clusterIdOf(EngineConfig.defaults());

    assertThat(first).isNotBlank();
    assertThat(second).isNotBlank().isNotEqualTo(first);
  }

  @Test
  void anEngineOnADataDirectoryKeepsItsClusterIdAcrossRestarts() {
    EngineConfig durable = EngineConfig.builder().dataDirectory(dataDirectory).build();

    String first = clusterIdOf(durable);
    String second = clusterIdOf(durable);

    assertThat(first).isNotBlank().isEqualTo(second);
    assertThat(clusterIdOf(EngineConfig.builder().dataDirectory(dataDirectory.resolve("other")).build()))
        .isNotEqualTo(first);
  }

  private static String clusterIdOf(EngineConfig config) {
    try (Engine engine = Engine.start(config)) {
      return new EngineHttp(engine.restAddress()).get("/topology").json().path("clusterId").asText();
    }
  }
}
