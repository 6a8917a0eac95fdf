package org.camunda4j.sdk;

import java.util.List;

/** The cluster topology ({@code GET /topology}). */
public record Topology(
    List<Broker> brokers,
    int clusterSize,
    int partitionsCount,
    int replicationFactor,
    String gatewayVersion,
    String clusterId,
    String lastCompletedChangeId) {

  public record Broker(int nodeId, String host, int port, List<Partition> partitions, String version) {}

  public record Partition(int partitionId, String role, String health) {}
}
