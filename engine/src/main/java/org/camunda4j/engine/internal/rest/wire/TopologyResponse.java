package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Answer of {@code GET /v2/topology}.
 *
 * @param clusterId 8.9, nullable
 * @param lastCompletedChangeId a string, e.g. {@code "-1"} when the cluster never changed
 */
public record TopologyResponse(
    List<BrokerInfo> brokers,
    String clusterId,
    int clusterSize,
    int partitionsCount,
    int replicationFactor,
    String gatewayVersion,
    String lastCompletedChangeId) {

  /** One broker of the topology. */
  public record BrokerInfo(
      int nodeId, String host, int port, List<Partition> partitions, String version) {}

  /** One partition on a broker. */
  public record Partition(int partitionId, Role role, Health health) {}

  /** A partition's role; lower case on the wire. */
  public enum Role {
    @JsonProperty("leader")
    LEADER,
    @JsonProperty("follower")
    FOLLOWER,
    @JsonProperty("inactive")
    INACTIVE
  }

  /** A partition's health; lower case on the wire. */
  public enum Health {
    @JsonProperty("healthy")
    HEALTHY,
    @JsonProperty("unhealthy")
    UNHEALTHY,
    @JsonProperty("dead")
    DEAD
  }
}
