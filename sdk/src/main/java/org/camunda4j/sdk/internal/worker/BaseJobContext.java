package org.camunda4j.sdk.internal.worker;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.Variables;
import org.slf4j.Logger;

/** The plain {@link JobContext}: what PROCESS handlers get, and the base of the connected contexts. */
public class BaseJobContext implements JobContext {

  private final ActivatedJob job;
  private final Logger log;
  private final LongSupplier leaseDeadlineNanos;
  private final Variables variables;
  private final Variables headers;

  public BaseJobContext(ActivatedJob job, Logger log, LongSupplier leaseDeadlineNanos) {
    this.job = job;
    this.log = log;
    this.leaseDeadlineNanos = leaseDeadlineNanos;
    this.variables = new Variables("variables", job.variables());
    this.headers = new Variables("custom headers", job.customHeaders());
  }

  @Override
  public ActivatedJob job() {
    return job;
  }

  @Override
  public Variables variables() {
    return variables;
  }

  @Override
  public Variables customHeaders() {
    return headers;
  }

  @Override
  public Duration timeRemaining() {
    return Duration.ofNanos(leaseDeadlineNanos.getAsLong() - System.nanoTime());
  }

  @Override
  public Logger log() {
    return log;
  }

  @Override
  public String toString() {
    return "JobContext[jobKey=" + job.jobKey() + ", type=" + job.type() + "]";
  }
}
