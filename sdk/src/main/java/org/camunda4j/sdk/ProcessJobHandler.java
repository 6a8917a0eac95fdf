package org.camunda4j.sdk;

import java.io.Serializable;

/**
 * A handler that runs in a child JVM (strategy {@link ExecutionStrategy#PROCESS}). It is serialised
 * and sent to the child, so it (and everything it captures) must be serialisable; the worker checks
 * that when it is created. It gets a plain {@link JobContext}: no client crosses the process boundary.
 */
@FunctionalInterface
public interface ProcessJobHandler extends Serializable {
  Object handle(JobContext job) throws Exception;
}
