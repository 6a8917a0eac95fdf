package org.camunda4j.spring.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ShutdownResult;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.spring.CamundaClientProperties;
import org.camunda4j.spring.CamundaClientProperties.WorkerOverride;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Finds the {@code @JobWorker} methods of every bean as it is created, starts one worker per method
 * once the context is ready (last, so everything the methods use is up), and drains them when it
 * closes (first): polling stops, running jobs get {@code camunda.client.worker.drain-timeout} to
 * finish, unstarted ones go back to the engine; the client closes after.
 */
public final class JobWorkerRegistrar implements BeanPostProcessor, SmartLifecycle, EnvironmentAware {

  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerRegistrar.class);

  private final ObjectProvider<CamundaClient> client;
  private final ObjectProvider<CamundaClientProperties> properties;
  private final ObjectProvider<WorkerStartedListener> listeners;
  private final Map<String, JobWorkerMethod> methods = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<JobWorker> workers = new CopyOnWriteArrayList<>();
  private Environment environment;
  private volatile boolean running;

  public JobWorkerRegistrar(ObjectProvider<CamundaClient> client, ObjectProvider<CamundaClientProperties> properties,
      ObjectProvider<WorkerStartedListener> listeners) {
    this.client = client;
    this.properties = properties;
    this.listeners = listeners;
  }

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> target = AopUtils.getTargetClass(bean);
    Map<Method, org.camunda4j.spring.JobWorker> annotated = MethodIntrospector.selectMethods(target,
        (MethodIntrospector.MetadataLookup<org.camunda4j.spring.JobWorker>) m ->
            AnnotatedElementUtils.findMergedAnnotation(m, org.camunda4j.spring.JobWorker.class));
    annotated.forEach((method, annotation) -> {
      String type = WorkerConfigResolver.jobType(environment, annotation, method.getName());
      JobWorkerMethod found = new JobWorkerMethod(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), annotation, type);
      JobWorkerMethod earlier = methods.putIfAbsent(type, found);
      if (earlier != null) {
        throw new IllegalStateException("two @JobWorker methods for job type '" + type + "': " + earlier.where()
            + " and " + found.where() + "; give one of them another type");
      }
    });
    return bean;
  }

  /** The workers started, in the order of their methods. */
  public List<JobWorker> workers() {
    return List.copyOf(workers);
  }

  @Override
  public void start() {
    CamundaClientProperties settings = properties.getObject();
    rejectOverridesOfUnknownTypes(settings);
    WorkerConfigResolver resolver = new WorkerConfigResolver(environment, settings.worker().defaults());
    CamundaClient camunda = client.getObject();
    List<JobWorkerMethod> all;
    synchronized (methods) {
      all = List.copyOf(methods.values());
    }
    for (JobWorkerMethod method : all) {
      WorkerOverride override = settings.worker().override().get(method.jobType());
      if (!resolver.enabled(method.annotation(), override)) {
        LOG.info("Worker for job type '{}' ({}) is disabled", method.jobType(), method.where());
        continue;
      }
      WorkerConfig config = resolver.resolve(method, override);
      JobWorker worker = create(camunda, method, config);
      workers.add(worker);
      listeners.orderedStream().forEach(listener -> listener.started(worker));
      LOG.info("Worker for job type '{}' started: {} ({}, fetching {})", method.jobType(), method.where(),
          worker.strategy(), config.fetchVariables() == null ? "all variables" : config.fetchVariables());
    }
    running = true;
  }

  private static JobWorker create(CamundaClient camunda, JobWorkerMethod method, WorkerConfig config) {
    try {
      return switch (method.strategy()) {
        case AUTO -> camunda.createJobWorker(config, method.blockingHandler());
        case THREAD -> camunda.createJobWorker(config, ExecutionStrategy.THREAD, method.blockingHandler());
        case VIRTUAL -> camunda.createJobWorker(config, ExecutionStrategy.VIRTUAL, method.blockingHandler());
        case ASYNC -> camunda.createJobWorker(config, ExecutionStrategy.ASYNC, method.asyncHandler());
      };
    } catch (CamundaConfigurationException e) {
      String hint = e.key().equals("CAMUNDA_WORKER_TIMEOUT")
          ? "; set jobTimeout on the annotation, camunda.client.worker.override." + method.jobType()
              + ".job-timeout or camunda.client.worker.defaults.job-timeout"
          : "";
      throw new IllegalStateException(method.where() + ": " + e.getMessage() + hint, e);
    }
  }

  private void rejectOverridesOfUnknownTypes(CamundaClientProperties settings) {
    for (String type : settings.worker().override().keySet()) {
      if (!methods.containsKey(type)) { // the map is complete: every bean was post-processed before start
        throw new IllegalStateException("camunda.client.worker.override." + type + " names no @JobWorker job type;"
            + " the job types are " + new TreeSet<>(methods.keySet()));
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    Duration grace = properties.getObject().worker().drainTimeout();
    List<JobWorker> draining = new ArrayList<>(workers);
    workers.clear();
    if (draining.isEmpty()) {
      return;
    }
    LOG.info("Draining {} worker(s): polling stopped, running jobs get up to {}", draining.size(), grace);
    try (ExecutorService drain = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<Void>> done = draining.stream()
          .map(worker -> CompletableFuture.runAsync(() -> report(worker, worker.shutdown(grace)), drain))
          .toList();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    }
  }

  private static void report(JobWorker worker, ShutdownResult result) {
    if (result.handedBack() > 0 || result.abandoned() > 0) {
      LOG.warn("Worker for job type '{}' stopped: {} unstarted job(s) handed back, {} still running abandoned",
          worker.jobType(), result.handedBack(), result.abandoned());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Started last and stopped first: workers only run while everything they use is up. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
