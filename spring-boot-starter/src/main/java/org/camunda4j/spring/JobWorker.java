package org.camunda4j.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method the handler of a job worker, started when the application context is ready and
 * drained when it closes.
 *
 * <pre>{@code
 * @JobWorker(type = "charge-card", jobTimeout = "30s")
 * Receipt charge(@Variable String cardId, @Variable long amountCents) { ... }
 * }</pre>
 *
 * <p><b>Parameters</b> are bound from the job: {@link org.camunda4j.sdk.JobContext JobContext} (or
 * {@link org.camunda4j.sdk.SyncJobContext SyncJobContext}, or {@link org.camunda4j.sdk.ConnectedJobContext
 * ConnectedJobContext}, which makes the worker {@link Strategy#ASYNC}), {@link org.camunda4j.sdk.ActivatedJob
 * ActivatedJob}, {@link Variable @Variable} values, a record (all variables bound to it), a
 * {@code Map} or {@link org.camunda4j.sdk.Variables Variables} (all variables), {@link CustomHeader
 * @CustomHeader} values and {@link CustomHeaders @CustomHeaders} (all headers, as a map or record).
 *
 * <p><b>Fetched variables</b> are derived from the parameters: the {@code @Variable} names and the
 * record components. A {@code Map} or {@code Variables} parameter, {@link #fetchAllVariables()}, or a
 * method with nothing to derive from fetches all; {@link #fetchVariables()} adds names.
 *
 * <p><b>Outcome</b>, as for every camunda4j handler: the return value completes the job with it as
 * variables ({@code void} or {@code null}: no variables; a {@code JobCompletionRequest} as given);
 * {@link org.camunda4j.sdk.JobFailure JobFailure} or {@link org.camunda4j.sdk.JobError JobError},
 * thrown or returned, fail the job or throw a BPMN error; any other exception fails it with retries − 1.
 * A method that completes, fails or throws an error on the job itself through the context's client
 * is not acknowledged again.
 *
 * <p><b>Settings</b>: every field of {@link org.camunda4j.sdk.WorkerConfig WorkerConfig} can be set
 * here; an empty value inherits. Properties win over the annotation:
 * {@code camunda.client.worker.override.<type>.*} over this annotation over
 * {@code camunda.client.worker.defaults.*} over the SDK's defaults. String values may use
 * {@code ${...}} placeholders.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JobWorker {

  /** The job type (the service task's {@code zeebe:taskDefinition type}); default: the method's name. */
  String type() default "";

  /** Whether the worker is started; {@code camunda.client.worker.override.<type>.enabled} wins. */
  boolean enabled() default true;

  /** How the method runs; {@link Strategy#AUTO} picks ASYNC for a method returning a {@code CompletionStage}. */
  Strategy strategy() default Strategy.AUTO;

  /** The lock each job gets, e.g. {@code "30s"}, {@code "PT5M"} or {@code "30000"} (milliseconds). */
  String jobTimeout() default "";

  /** The long-poll time (same forms; {@code "0"} = server default, negative = no long polling). */
  String requestTimeout() default "";

  /** Jobs running at once; below 1 = inherit. */
  int maxConcurrentJobs() default -1;

  /** Variable names fetched in addition to those derived from the parameters. */
  String[] fetchVariables() default {};

  /** Fetch every variable, whatever the parameters are. */
  boolean fetchAllVariables() default false;

  /** The worker name recorded on each job. */
  String workerName() default "";

  /** The tenants to poll; none = inherit ({@code camunda.client.tenant-ids}). */
  String[] tenantIds() default {};

  /** Renew the lock while the method runs (see {@link org.camunda4j.sdk.WorkerConfig#autoExtendLock()}). */
  boolean autoExtendLock() default false;

  /** {@code "PROVIDED"} or {@code "ASSIGNED"} (see {@link org.camunda4j.sdk.TenantFilter}); empty = inherit. */
  String tenantFilter() default "";

  /**
   * The execution strategies a bean method can run on ({@code PROCESS} cannot: a bean does not cross
   * into a child JVM). See {@link org.camunda4j.sdk.ExecutionStrategy}.
   */
  enum Strategy {
    /** THREAD, or ASYNC when the method returns a {@code CompletionStage} or takes a {@code ConnectedJobContext}. */
    AUTO,
    /** A pool of {@code maxConcurrentJobs} platform threads. */
    THREAD,
    /** One virtual thread per job. */
    VIRTUAL,
    /** The method returns a {@code CompletionStage} (or a value, taken as done). */
    ASYNC
  }
}
