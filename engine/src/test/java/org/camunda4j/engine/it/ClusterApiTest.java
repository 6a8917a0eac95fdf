package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The endpoints clients probe at start-up: topology, status and licence. */
class ClusterApiTest extends EngineScenario {

  @Test
  void topologyDescribesOneHealthyBrokerLeadingPartitionOne() {
    EngineHttp.Response response = http.get("/topology");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode topology = response.json();
    for (String field : new String[] {"brokers", "clusterSize", "partitionsCount", "replicationFactor", "gatewayVersion", "lastCompletedChangeId", "clusterId"}) {
      assertThat(topology.has(field)).as("topology field %s", field).isTrue();
    }
    assertThat(topology.path("clusterSize").asInt()).isEqualTo(1);
    assertThat(topology.path("partitionsCount").asInt()).isEqualTo(1);
    assertThat(topology.path("replicationFactor").asInt()).isEqualTo(1);
    assertThat(topology.path("lastCompletedChangeId").isTextual()).isTrue();
    assertThat(topology.path("clusterId").asText()).as("clusterId").isNotBlank();
    JsonNode broker = topology.path("brokers").get(0);
    assertThat(broker.has("nodeId")).isTrue();
    assertThat(broker.path("host").asText()).isNotBlank();
    assertThat(broker.path("port").asInt()).isPositive();
    assertThat(broker.path("version").asText()).isNotBlank();
    JsonNode partition = broker.path("partitions").get(0);
    assertThat(partition.path("partitionId").asInt()).isEqualTo(1);
    assertThat(partition.path("role").asText()).isEqualTo("leader");
    assertThat(partition.path("health").asText()).isEqualTo("healthy");
  }

  @Test
  void statusIs204WithoutBody() {
    EngineHttp.Response response = http.get("/status");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void licenseAnswersWithItsFourFields() {
    EngineHttp.Response response = http.get("/license");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode license = response.json();
    assertThat(license.path("validLicense").isBoolean()).isTrue();
    assertThat(license.path("licenseType").isTextual()).isTrue();
    assertThat(license.path("isCommercial").isBoolean()).isTrue();
    assertThat(license.has("expiresAt")).isTrue();
  }
}
