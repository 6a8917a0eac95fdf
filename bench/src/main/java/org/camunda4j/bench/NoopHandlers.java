package org.camunda4j.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.SyncJobContext;

/**
 * Handlers that do nothing and complete the job without variables, one per handler type. Static
 * methods, so the PROCESS strategy serialises a method reference to a class its children can load.
 */
final class NoopHandlers {

  private static final CompletableFuture<Object> DONE = CompletableFuture.completedFuture(null);

  private NoopHandlers() {}

  static CompletionStage<?> async(ConnectedJobContext job) {
    return DONE;
  }

  static Object blocking(SyncJobContext job) {
    return null;
  }

  static Object inChild(JobContext job) {
    return null;
  }
}
