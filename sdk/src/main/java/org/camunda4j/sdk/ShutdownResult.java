package org.camunda4j.sdk;

/**
 * How a worker's shutdown went.
 *
 * @param handedBack jobs given back unstarted with their retries unchanged
 * @param abandoned jobs whose handlers were still running when the grace period ended; their locks
 *     run out on the cluster
 */
public record ShutdownResult(int handedBack, int abandoned) {

  public boolean timedOut() {
    return abandoned > 0;
  }
}
