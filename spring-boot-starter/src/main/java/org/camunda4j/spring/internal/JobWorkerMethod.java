package org.camunda4j.spring.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.camunda4j.sdk.AsyncJobHandler;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.JobHandler;
import org.camunda4j.sdk.SyncJobContext;
import org.camunda4j.spring.JobWorker;
import org.camunda4j.spring.JobWorker.Strategy;

/**
 * A {@code @JobWorker} bean method made into an SDK handler: its parameters bound from the job, the
 * strategy it can run on, and the variables it needs. What it returns or throws goes to the SDK
 * unchanged, so the outcome is the SDK's (return value → completion, {@code JobFailure}/{@code JobError}
 * → fail/BPMN error, any other exception → fail with retries − 1).
 */
public final class JobWorkerMethod {

  private final Object bean;
  private final Method method;
  private final JobWorker annotation;
  private final String jobType;
  private final List<ParameterBinding> bindings;
  private final Strategy strategy;

  JobWorkerMethod(Object bean, Method method, JobWorker annotation, String jobType) {
    this.bean = bean;
    this.method = method;
    this.annotation = annotation;
    this.jobType = jobType;
    List<ParameterBinding> found = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      found.add(ParameterBinding.of(parameter, where()));
    }
    this.bindings = List.copyOf(found);
    this.strategy = strategyFor(annotation.strategy());
    method.setAccessible(true);
  }

  public String jobType() {
    return jobType;
  }

  public JobWorker annotation() {
    return annotation;
  }

  public Strategy strategy() {
    return strategy;
  }

  /** {@code OrderWorkers.charge(..)}: how errors name the method. */
  public String where() {
    return "@JobWorker " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(..)";
  }

  /**
   * The variables to fetch: the names the parameters read plus the annotation's, or {@code null} (all)
   * when a parameter can read any, the annotation asks for all, or nothing names one.
   */
  public List<String> fetchVariables() {
    if (annotation.fetchAllVariables() || bindings.stream().anyMatch(ParameterBinding::fetchesAll)) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    bindings.forEach(b -> names.addAll(b.fetched()));
    names.addAll(List.of(annotation.fetchVariables()));
    return names.isEmpty() ? null : List.copyOf(names);
  }

  /** The handler for THREAD, VIRTUAL and AUTO. */
  public JobHandler blockingHandler() {
    return this::invoke;
  }

  /** The handler for ASYNC: a plain return value counts as a stage already done. */
  public AsyncJobHandler asyncHandler() {
    return job -> {
      Object result = invoke(job);
      return result instanceof CompletionStage<?> stage ? stage : CompletableFuture.completedFuture(result);
    };
  }

  private Object invoke(JobContext job) throws Exception {
    Object[] arguments = new Object[bindings.size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = bindings.get(i).value().apply(job);
    }
    try {
      return method.invoke(bean, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception exception) {
        throw exception;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private Strategy strategyFor(Strategy declared) {
    boolean connected = bindings.stream().anyMatch(b -> b.context() == ConnectedJobContext.class);
    boolean sync = bindings.stream().anyMatch(b -> b.context() == SyncJobContext.class);
    if (connected && sync) {
      throw new IllegalStateException(where() + " takes both a SyncJobContext and a ConnectedJobContext; take one");
    }
    if (connected) {
      if (declared != Strategy.AUTO && declared != Strategy.ASYNC) {
        throw new IllegalStateException(where() + " takes a ConnectedJobContext, which only ASYNC gives; "
            + "remove strategy = " + declared + " or take a SyncJobContext");
      }
      return Strategy.ASYNC;
    }
    if (sync && declared == Strategy.ASYNC) {
      throw new IllegalStateException(where() + " takes a SyncJobContext, which ASYNC does not give; "
          + "take a ConnectedJobContext or JobContext");
    }
    return declared; // AUTO: the SDK runs a method that returns a CompletionStage as ASYNC
  }
}
