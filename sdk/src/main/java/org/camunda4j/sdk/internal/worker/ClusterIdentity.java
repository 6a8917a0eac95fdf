package org.camunda4j.sdk.internal.worker;

import java.util.Objects;

/**
 * Which cluster a worker talks to, by the {@code clusterId} of its {@link org.camunda4j.sdk.Topology} (null when the cluster
 * does not report one), and since when that is known.
 *
 * <p>An outcome is sent only to the cluster that handed out the job: if the address now answers
 * with another cluster (an engine that kept its state in memory was restarted), that cluster has
 * never seen the job, and a job key is not a safe address across clusters. A cluster that keeps its
 * state across a restart keeps its id, so outcomes still reach it. Asking costs a request, so the
 * worker asks only after the transport lost a connection ({@code connectionsLost} moved on): before
 * that, nothing can have replaced the server. A camunda4j engine also names itself on every activation
 * answer ({@link #HEADER}), so the jobs of that answer carry the id of the engine that handed them
 * out even when nothing was lost (a proxy that keeps its connections across a replaced engine).
 */
final class ClusterIdentity {

  /**
   * The request header naming the cluster that handed out a job, sent with its outcome: a camunda4j
   * engine refuses the outcome with 412 when it is another cluster. Connections a proxy keeps open
   * lose nothing when the engine behind it is replaced, so the transport's count cannot tell.
   */
  static final String HEADER = "Camunda4j-Cluster-Id";

  /**
   * What is known now.
   *
   * @param clusterId the cluster id last seen; null while unknown or when the cluster reports none
   * @param confirmedAtLosses the lost-connection count up to which it is known to hold; -1 before the
   *     first answer
   */
  record Known(String clusterId, long confirmedAtLosses) {}

  // Read for every job a worker takes: one immutable value, replaced whole by the rare answers.
  private volatile Known known = new Known(null, -1);

  Known known() {
    return known;
  }

  /** The cluster id last seen; null while unknown or when the cluster reports none. */
  String current() {
    return known.clusterId();
  }

  /** True when no connection was lost since the cluster last said who it is. */
  boolean isConfirmedAt(long lossesNow) {
    return known.confirmedAtLosses() >= lossesNow;
  }

  /**
   * Records the cluster id an answer named (its topology, or the header of an activation answer) to a
   * request made when the transport had lost {@code lossesBeforeAsking} connections; an answer older
   * than what is known already is ignored.
   *
   * @return the id it replaced when it names another cluster, else null
   */
  synchronized String observe(String clusterId, long lossesBeforeAsking) {
    Known before = known;
    if (lossesBeforeAsking < before.confirmedAtLosses()) {
      return null;
    }
    known = new Known(clusterId, lossesBeforeAsking);
    return isReplacement(before.clusterId(), clusterId) ? before.clusterId() : null;
  }

  /** The cluster answered, but not with a topology: it cannot be told apart, so what is known stands. */
  synchronized void unidentifiable(long lossesBeforeAsking) {
    Known before = known;
    known = new Known(before.clusterId(), Math.max(before.confirmedAtLosses(), lossesBeforeAsking));
  }

  /** True only when both ids are known and differ: without ids nothing can be told apart. */
  static boolean isReplacement(String before, String now) {
    return before != null && now != null && !Objects.equals(before, now);
  }
}
