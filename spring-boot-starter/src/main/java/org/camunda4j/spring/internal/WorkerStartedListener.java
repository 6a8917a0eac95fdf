package org.camunda4j.spring.internal;

import org.camunda4j.sdk.JobWorker;

/** Told about each worker the registrar starts; the metrics binding is one. */
@FunctionalInterface
public interface WorkerStartedListener {
  void started(JobWorker worker);
}
