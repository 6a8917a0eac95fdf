package org.camunda4j.sdk.internal.worker;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.AsyncJobHandler;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaTransportException;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobCompletionRequest;
import org.camunda4j.sdk.JobHandler;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessJobHandler;
import org.camunda4j.sdk.ShutdownResult;
import org.camunda4j.sdk.Topology;
import org.camunda4j.sdk.WorkerStats;
import org.camunda4j.sdk.internal.http.Backoff;
import org.camunda4j.sdk.internal.http.HttpTransport;
import org.camunda4j.sdk.internal.http.HttpTransport.Call;
import org.camunda4j.sdk.internal.http.RetryMode;
import org.camunda4j.sdk.internal.json.Json;
import org.camunda4j.sdk.internal.json.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job worker: one poll loop (on its own virtual thread, one activation in flight), a capacity
 * ledger, an execution strategy and deadline-bounded acknowledgements.
 *
 * <p>Poll loop: take every free slot; ask for exactly that many jobs; give back the slots no job came
 * for and start the jobs, on the thread that received the answer; repeat at once. When no slot is
 * free it waits for one; when the server answers empty it long-polls again (with a short pause if the
 * answer came back instantly, so a server without long polling is not hammered); on errors it backs
 * off exponentially with jitter and resets on success.
 */
public final class DefaultJobWorker implements JobWorker {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultJobWorker.class);
  /** How often a worker in poll backoff checks whether the cluster is back. */
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
  /**
   * How long an acknowledgement waits for the topology that tells whether the cluster is still the
   * one that handed out the job. Not the long-poll time: that is zero by default ("the server's"),
   * which timed out every such ask at once, so no outcome got through after a lost connection.
   */
  private static final Duration ACK_TOPOLOGY_TIMEOUT = Duration.ofSeconds(5);
  /** How often a worker whose activations keep failing says so. */
  static final Duration POLL_ERROR_LOG_INTERVAL = Duration.ofSeconds(10);
  /** Acknowledgements are retried at most this often, and never past the job's local lease. */
  static final int MAX_ACK_ATTEMPTS = 8;
  /** What the engine answers an outcome naming another cluster than its own ({@link ClusterIdentity#HEADER}). */
  private static final int PRECONDITION_FAILED = 412;
  private static final Logger JOB_LOG = LoggerFactory.getLogger("org.camunda4j.sdk.job");
  private static final JavaType ACTIVATED_JOBS = Json.mapper().constructType(Wire.ActivatedJobs.class);
  private static final JavaType TOPOLOGY = Json.mapper().constructType(Topology.class);
  /** What most completions send (a handler that returned nothing), encoded once instead of once per job. */
  private static final JobCompletionRequest NOTHING_TO_SEND = JobCompletionRequest.empty();
  private static final byte[] EMPTY_COMPLETION = Json.write(NOTHING_TO_SEND);
  static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
  private static final Duration INSTANT_EMPTY_ANSWER = Duration.ofMillis(50);
  private static final Duration EMPTY_POLL_PAUSE = Duration.ofMillis(100);

  private final WorkerSettings settings;
  private final ExecutionStrategy<?> strategy;
  private final WorkerEnvironment environment;
  private final HttpTransport transport;
  private final Execution execution;
  private final CapacityLedger ledger;
  private final StatsRecorder stats = new StatsRecorder();
  private final Set<JobRun> inFlight = ConcurrentHashMap.newKeySet();
  private final LeaseClock leaseClock = new LeaseClock();
  private final ClusterIdentity cluster = new ClusterIdentity();

  private final Backoff pollBackoff;
  private final Backoff ackBackoff = Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(5), Backoff.Jitter.EQUAL);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<ShutdownResult> terminated = new CompletableFuture<>();
  private final Consumer<DefaultJobWorker> onClosed;
  private final Thread pollThread;
  private final ScheduledFuture<?> overrunCheck; // null with auto-extended locks
  private final int refillAt;
  private volatile CompletableFuture<?> currentPoll;
  private volatile int consecutivePollErrors;
  private volatile Duration currentPollBackoff = Duration.ZERO;
  private long lastPollErrorLogNanos;
  /** When a refused outcome of another cluster's job was last logged at WARN (once per {@link #POLL_ERROR_LOG_INTERVAL}). */
  private final AtomicLong clusterReplacedLoggedAt = new AtomicLong(System.nanoTime() - POLL_ERROR_LOG_INTERVAL.toNanos());

  private DefaultJobWorker(WorkerSettings settings, ExecutionStrategy<?> strategy, Object handler,
      WorkerEnvironment environment, Consumer<DefaultJobWorker> onClosed, Backoff pollBackoff) {
    this.settings = settings;
    this.strategy = strategy;
    this.environment = environment;
    this.transport = environment.transport();
    this.ledger = new CapacityLedger(settings.maxConcurrentJobs());
    this.onClosed = onClosed;
    this.pollBackoff = pollBackoff;
    this.execution = executionFor(strategy, handler);
    this.pollThread = Thread.ofVirtual().name("camunda4j-poller-" + settings.jobType()).unstarted(this::pollLoop);
    this.refillAt = refillAt(settings.maxConcurrentJobs());
    long period = overrunCheckPeriod(settings.jobTimeout()).toNanos();
    this.overrunCheck = settings.autoExtendLock() ? null
        : environment.scheduler().scheduleWithFixedDelay(this::reportOverruns, period, period, TimeUnit.NANOSECONDS);
  }

  /** How many free slots the poller waits for before it asks for more jobs. */
  static int refillAt(int capacity) {
    int percent = Integer.getInteger("camunda4j.internal.refill-percent", 0);
    return Math.max(1, capacity * percent / 100);
  }

  /** A quarter of the lock, between 100 ms and 1 s: how late an overrun warning may come. */
  static Duration overrunCheckPeriod(Duration jobTimeout) {
    Duration quarter = jobTimeout.dividedBy(4);
    Duration min = Duration.ofMillis(100);
    Duration max = Duration.ofSeconds(1);
    return quarter.compareTo(min) < 0 ? min : quarter.compareTo(max) > 0 ? max : quarter;
  }

  public static DefaultJobWorker start(WorkerSettings settings, ExecutionStrategy<?> strategy, Object handler,
      WorkerEnvironment environment, Consumer<DefaultJobWorker> onClosed) {
    return start(settings, strategy, handler, environment, onClosed,
        Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(10), Backoff.Jitter.EQUAL));
  }

  static DefaultJobWorker start(WorkerSettings settings, ExecutionStrategy<?> strategy, Object handler,
      WorkerEnvironment environment, Consumer<DefaultJobWorker> onClosed, Backoff pollBackoff) {
    DefaultJobWorker worker = new DefaultJobWorker(settings, strategy, handler, environment, onClosed, pollBackoff);
    LOG.info("Worker '{}' started for job type '{}' ({} strategy, up to {} jobs at once, lock {} ms)",
        settings.workerName(), settings.jobType(), strategy, settings.maxConcurrentJobs(),
        settings.jobTimeout().toMillis());
    worker.pollThread.start();
    return worker;
  }

  private Execution executionFor(ExecutionStrategy<?> chosen, Object handler) {
    String type = settings.jobType();
    if (chosen == ExecutionStrategy.ASYNC) {
      return new AsyncExecution((AsyncJobHandler) handler,
          Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("camunda4j-async-" + type + "-", 0).factory()),
          environment.asyncClient());
    }
    if (chosen == ExecutionStrategy.AUTO) {
      return new AutoExecution((JobHandler) handler, type, Executors.newFixedThreadPool(settings.maxConcurrentJobs(),
          Thread.ofPlatform().daemon().name("camunda4j-" + type + "-", 0).factory()),
          Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("camunda4j-" + type + "-", 0).factory()),
          environment.blockingClient());
    }
    if (chosen == ExecutionStrategy.THREAD) {
      return new BlockingExecution((JobHandler) handler, Executors.newFixedThreadPool(settings.maxConcurrentJobs(),
          Thread.ofPlatform().daemon().name("camunda4j-" + type + "-", 0).factory()), environment.blockingClient());
    }
    if (chosen == ExecutionStrategy.VIRTUAL) {
      return new BlockingExecution((JobHandler) handler,
          Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("camunda4j-" + type + "-", 0).factory()),
          environment.blockingClient());
    }
    if (chosen == ExecutionStrategy.PROCESS) {
      return new ProcessExecution((ProcessJobHandler) handler, settings, this::isStopping);
    }
    throw new IllegalArgumentException("unknown execution strategy " + chosen);
  }

  // --- poll loop

  private void pollLoop() {
    try {
      sleepStartupJitter();
      int consecutiveErrors = 0;
      boolean identifyAgain = false; // after a failed activation: whatever answers next may be another cluster
      while (!stopping.get()) {
        int slots = ledger.takeAllFree(refillAt, 1, TimeUnit.SECONDS);
        if (slots == 0) {
          continue;
        }
        if (stopping.get()) {
          ledger.release(slots);
          break;
        }
        if (identifyAgain || !cluster.isConfirmedAt(transport.connectionsLost())) {
          identifyCluster(); // at start, and after a lost connection: whoever answers now may be another cluster
          identifyAgain = false;
        }
        long askedAt = System.nanoTime();
        int received;
        try {
          received = activate(slots);
        } catch (CancellationException e) {
          ledger.release(slots);
          continue;
        } catch (ExecutionException | RuntimeException e) {
          // Any failure, even an unexpected one, is a poll error: back off and poll again, never stall.
          ledger.release(slots);
          if (stopping.get()) {
            break;
          }
          consecutiveErrors++;
          consecutivePollErrors = consecutiveErrors;
          stats.pollErrors.increment();
          Duration delay = pollBackoff.delay(consecutiveErrors);
          currentPollBackoff = delay;
          logPollError(e instanceof ExecutionException ? e.getCause() : e, consecutiveErrors, delay);
          Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
          // A proxy answers 502/503 or drops the answer while the engine behind it is replaced, keeping
          // our connection: the jobs of the next activation must be stamped with the cluster that answers then.
          identifyAgain = cause instanceof CamundaTransportException
              || (cause instanceof CamundaApiException api && api.status() >= 500 && !api.isBackpressure());
          if (cause instanceof CamundaTransportException) {
            waitOrUntilReachable(delay); // unreachable: come back as soon as it answers again
          } else {
            sleep(delay); // it answered (e.g. backpressure): honour the whole backoff
          }
          continue;
        } catch (InterruptedException e) {
          ledger.release(slots);
          throw e;
        }
        long receivedAt = System.nanoTime();
        if (consecutiveErrors > 0) {
          LOG.info("Worker '{}' for '{}': job activation works again after {} failed attempts",
              settings.workerName(), settings.jobType(), consecutiveErrors);
        }
        consecutiveErrors = 0;
        consecutivePollErrors = 0;
        currentPollBackoff = Duration.ZERO;
        stats.polls.increment();
        if (received == 0 && Duration.ofNanos(receivedAt - askedAt).compareTo(INSTANT_EMPTY_ANSWER) < 0) {
          sleep(EMPTY_POLL_PAUSE);
        }
      }
    } catch (InterruptedException e) {
      // shutdown: fall through
    } catch (Throwable unexpected) {
      LOG.error("Worker '{}' for '{}': poll loop died unexpectedly; the worker stops polling",
          settings.workerName(), settings.jobType(), unexpected);
    } finally {
      CompletableFuture<?> poll = currentPoll;
      if (poll != null) {
        poll.cancel(true);
      }
    }
  }

  /**
   * Asks for {@code slots} jobs and starts those that come on the thread that receives the answer (the
   * HTTP I/O thread): passing them to the poll thread first would put a thread wake-up between every
   * answer and its handlers. Starting a job only hands it to the execution strategy, which never blocks.
   * Returns how many jobs came.
   */
  private int activate(int slots) throws ExecutionException, InterruptedException {
    Wire.ActivateJobs body = new Wire.ActivateJobs(settings.jobType(), settings.workerName(),
        settings.jobTimeout().toMillis(), slots, settings.fetchVariables(), settings.requestTimeout().toMillis(),
        settings.tenantIds().isEmpty() ? null : settings.tenantIds(),
        settings.tenantFilter() == null ? null : settings.tenantFilter().name());
    Call call = Call.json("POST", "/jobs/activation", body, ACTIVATED_JOBS, RetryMode.NONE)
        .asGated()
        .withTimeout(httpTimeoutForLongPoll(settings.requestTimeout()));
    long losses = transport.connectionsLost();
    CompletableFuture<HttpTransport.Answer<Wire.ActivatedJobs>> poll = transport.send(call, ClusterIdentity.HEADER);
    CompletableFuture<Integer> started =
        poll.thenApply(answer -> start(answer.body().jobs(), slots, handedOutBy(answer.header(), losses)));
    currentPoll = poll;
    try {
      if (stopping.get()) {
        poll.cancel(true);
      }
      return started.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException cancelled) {
        throw cancelled;
      }
      throw e;
    } catch (InterruptedException e) {
      if (poll.cancel(true)) {
        throw e;
      }
      // The answer won the race with the interrupt (a shutdown): its jobs are started, or being started,
      // holding this poll's slots, so the caller must not give them back. Wait for the start, keep the interrupt.
      Thread.currentThread().interrupt();
      return started.join();
    } finally {
      currentPoll = null;
    }
  }

  /** Long enough that the server, not the client, ends a long poll; short enough to notice a dead connection. */
  static Duration httpTimeoutForLongPoll(Duration requestTimeout) {
    if (requestTimeout.isNegative()) {
      return HttpTransport.DEFAULT_TIMEOUT;
    }
    if (requestTimeout.isZero()) {
      return Duration.ofSeconds(40);
    }
    return requestTimeout.plusSeconds(10);
  }

  /**
   * Waits out a poll backoff, but not blindly: after each second it probes the cheap health endpoint
   * and returns as soon as the cluster answers, so a worker resumes within about a second of the
   * cluster's return instead of sleeping up to the whole (up to 10 s) delay.
   */
  private void waitOrUntilReachable(Duration delay) throws InterruptedException {
    long end = System.nanoTime() + delay.toNanos();
    while (!stopping.get()) {
      long remaining = end - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(remaining, PROBE_INTERVAL.toNanos()));
      if (end - System.nanoTime() > 0 && reachable()) {
        return;
      }
    }
  }

  private boolean reachable() {
    return identify(PROBE_INTERVAL);
  }

  /**
   * Learns which cluster answers before taking jobs from it. If it cannot be reached the activation
   * goes ahead anyway (and fails, and backs off); if it answers without a topology (an error status),
   * it cannot be told apart from another and counts as identified.
   */
  private void identifyCluster() {
    identify(settings.requestTimeout().plus(PROBE_INTERVAL));
  }

  private boolean identify(Duration timeout) {
    long losses = transport.connectionsLost();
    try {
      noteCluster(askTopology(timeout).get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS), losses);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CamundaApiException) {
        cluster.unidentifiable(losses); // it answered: reachable, but it does not say which cluster it is
        return true;
      }
      return false;
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      return false;
    }
  }

  private CompletableFuture<Topology> askTopology(Duration timeout) {
    return transport.send(Call.json("GET", "/topology", null, TOPOLOGY, RetryMode.NONE).withTimeout(timeout));
  }

  private void noteCluster(Topology topology, long lossesBeforeAsking) {
    noteCluster(topology.clusterId(), lossesBeforeAsking);
  }

  private void noteCluster(String clusterId, long lossesBeforeAsking) {
    String replaced = cluster.observe(clusterId, lossesBeforeAsking);
    if (replaced != null) {
      LOG.warn("Worker '{}' for '{}': the address now answers with another cluster (clusterId {}, before {}); it"
              + " does not know the jobs this worker took before, so their outcomes are dropped",
          settings.workerName(), settings.jobType(), clusterId, replaced);
    }
  }

  /**
   * The cluster the jobs of an activation answer came from: the one the answer names, else (a cluster
   * that does not name itself there, e.g. Camunda's own) the one known from the topology.
   */
  private ClusterIdentity.Known handedOutBy(String namedByAnswer, long lossesBeforeAsking) {
    if (namedByAnswer == null) {
      return cluster.known();
    }
    noteCluster(namedByAnswer, lossesBeforeAsking);
    return new ClusterIdentity.Known(namedByAnswer, lossesBeforeAsking);
  }

  /** The first failure at once, then one line per {@link #POLL_ERROR_LOG_INTERVAL} with the count, however fast the retries. */
  private void logPollError(Throwable cause, int consecutiveErrors, Duration delay) {
    String message = cause == null ? "unknown error" : cause.getMessage();
    long now = System.nanoTime();
    if (consecutiveErrors == 1 || now - lastPollErrorLogNanos >= POLL_ERROR_LOG_INTERVAL.toNanos()) {
      lastPollErrorLogNanos = now;
      LOG.warn("Worker '{}' for '{}': job activation failed ({} in a row), next try in {} ms: {}",
          settings.workerName(), settings.jobType(), consecutiveErrors, delay.toMillis(), message);
    } else {
      LOG.debug("Worker '{}' for '{}': job activation failed ({} in a row), next try in {} ms: {}",
          settings.workerName(), settings.jobType(), consecutiveErrors, delay.toMillis(), message);
    }
  }

  private void sleepStartupJitter() throws InterruptedException {
    long maxNanos = settings.startupJitterMax().toNanos();
    if (maxNanos > 0) {
      long delay = ThreadLocalRandom.current().nextLong(maxNanos + 1);
      LOG.info("Worker '{}' for '{}' waits {} ms (startup jitter) before its first poll",
          settings.workerName(), settings.jobType(), TimeUnit.NANOSECONDS.toMillis(delay));
      TimeUnit.NANOSECONDS.sleep(delay);
    }
  }

  private void sleep(Duration delay) throws InterruptedException {
    if (!stopping.get()) {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }
  }

  /** Gives back the slots no job came for and starts the jobs, stamped with the cluster they came from; returns how many came. */
  private int start(List<ActivatedJob> jobs, int slots, ClusterIdentity.Known origin) {
    long receivedAt = System.nanoTime();
    long receivedAtMillis = System.currentTimeMillis();
    int kept = Math.min(jobs.size(), slots);
    ledger.release(slots - kept);
    for (int i = 0; i < jobs.size(); i++) {
      if (i >= kept) {
        handBackWithoutSlot(jobs.get(i));
        continue;
      }
      CapacityLedger.Slot slot = ledger.slot();
      try {
        dispatch(jobs.get(i), slot, receivedAt, receivedAtMillis, origin);
      } catch (Throwable unexpected) {
        slot.release();
        LOG.error("Worker '{}' for '{}': job {} could not be started; its lock will run out on the cluster",
            settings.workerName(), settings.jobType(), jobs.get(i).jobKey(), unexpected);
      }
    }
    return jobs.size();
  }

  // --- one job

  private void dispatch(ActivatedJob job, CapacityLedger.Slot slot, long receivedAt, long receivedAtMillis,
      ClusterIdentity.Known origin) {
    JobLogger log = new JobLogger(JOB_LOG, Map.of(
        "jobType", settings.jobType(), "workerName", settings.workerName(), "jobKey", String.valueOf(job.jobKey())));
    long leaseEnd = leaseClock.leaseEnd(job.deadline(), settings.jobTimeout().toMillis(), receivedAt, receivedAtMillis);
    JobRun run = new JobRun(job, slot, log, this, leaseEnd, origin);
    stats.activated.increment();
    JobLifecycleLog.activated(log, job, settings.jobTimeout().toMillis());
    inFlight.add(run);
    CompletableFuture<Ack> outcome;
    try {
      outcome = execution.execute(run);
    } catch (Throwable refused) {
      // The strategy refused the job (e.g. shut down in a race): give it back untouched.
      log.debug("Strategy refused job {}: {}", job.jobKey(), refused.toString());
      run.finished();
      outcome = CompletableFuture.completedFuture(run.handBack());
    }
    outcome
        .exceptionally(error -> OutcomeMapper.fail(job, "worker error: " + OutcomeMapper.messageOf(error)))
        .thenCompose(ack -> {
          try {
            return acknowledge(run, ack);
          } catch (Throwable error) {
            return CompletableFuture.failedFuture(error);
          }
        })
        .whenComplete((ignored, error) -> {
          if (error != null) {
            stats.ackFailed.increment();
            log.error("Acknowledging job {} failed unexpectedly", job.jobKey(), error);
          }
          run.finished();
          inFlight.remove(run);
          slot.release();
        });
  }

  private void handBackWithoutSlot(ActivatedJob job) {
    LOG.warn("Worker '{}': the server returned more jobs than asked for; handing job {} back",
        settings.workerName(), job.jobKey());
    Wire.FailJob body = new Wire.FailJob(job.retries(), "handed back: more jobs than requested", 0L, null);
    transport.send(Call.json("POST", "/jobs/" + job.jobKey() + "/failure", body, null, RetryMode.IDEMPOTENT))
        .whenComplete((v, e) -> {
          if (e == null) {
            stats.handedBack.increment();
          }
        });
  }

  private CompletableFuture<Void> acknowledge(JobRun run, Ack ack) {
    long key = run.job().jobKey();
    return switch (ack) {
      case Ack.AlreadyAcknowledged ignored -> {
        run.log().debug("Job {} was acknowledged by its handler; not acknowledging again", key);
        yield CompletableFuture.completedFuture(null);
      }
      case Ack.Expired ignored -> {
        stats.expired.increment();
        run.log().warn("Job {} was not run: its lock ran out before the handler could start", key);
        yield CompletableFuture.completedFuture(null);
      }
      case Ack.Complete complete -> send(run, ack, "completion", completion(key, complete.body()), stats.completed);
      case Ack.Fail fail -> send(run, ack, "failure",
          Call.json("POST", "/jobs/" + key + "/failure", fail.body(), null, RetryMode.NONE), stats.failed);
      case Ack.ThrowError error -> send(run, ack, "BPMN error",
          Call.json("POST", "/jobs/" + key + "/error", error.body(), null, RetryMode.NONE), stats.errored);
      case Ack.HandBack handBack -> send(run, ack, "hand-back",
          Call.json("POST", "/jobs/" + key + "/failure", handBack.body(), null, RetryMode.NONE), stats.handedBack);
    };
  }

  /** Sends an outcome naming the cluster that handed out the job, which another cluster refuses (412). */
  private static Call completion(long key, Object body) {
    String path = "/jobs/" + key + "/completion";
    return NOTHING_TO_SEND.equals(body)
        ? new Call("POST", path, EMPTY_COMPLETION, "application/json", null, RetryMode.NONE, false, HttpTransport.DEFAULT_TIMEOUT)
        : Call.json("POST", path, body, null, RetryMode.NONE);
  }

  private CompletableFuture<Void> send(JobRun run, Ack ack, String what, Call call, LongAdder onSuccess) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    new AckAttempt(run, ack, what, call.withHeader(ClusterIdentity.HEADER, run.clusterId()), onSuccess, done).run(1, false);
    return done;
  }

  /**
   * Sending one acknowledgement: retries a transport failure or a 5xx (the cluster did not apply it,
   * or we cannot know) at most {@link #MAX_ACK_ATTEMPTS} times and only within the job's lease, after
   * which the cluster may have given the job to another worker.
   *
   * <p>After a lost connection the address may answer with another cluster (an engine that kept its
   * state in memory, restarted): the outcome goes only to the cluster that handed out the job, by its
   * {@code clusterId} ({@link ClusterIdentity}). A cluster that cannot be asked counts as a failed
   * attempt; one that answers without a topology, or without an id, cannot be told apart and gets
   * the outcome. Behind a proxy no connection is lost when the engine is replaced, so the outcome
   * names the job's cluster itself, and the engine refuses it (412) when it is another: dropped too.
   */
  private final class AckAttempt {
    private final JobRun run;
    private final Ack ack;
    private final String what;
    private final Call call;
    private final LongAdder onSuccess;
    private final CompletableFuture<Void> done;

    AckAttempt(JobRun run, Ack ack, String what, Call call, LongAdder onSuccess, CompletableFuture<Void> done) {
      this.run = run;
      this.ack = ack;
      this.what = what;
      this.call = call;
      this.onSuccess = onSuccess;
      this.done = done;
    }

    /**
     * @param answerMayBeLost an earlier attempt was sent and failed on the connection, possibly after
     *     the cluster applied it: a 404 now most likely means that attempt succeeded
     */
    void run(int attempt, boolean answerMayBeLost) {
      sameCluster().whenComplete((same, askError) -> {
        if (askError != null) {
          failed(attempt, answerMayBeLost, OutcomeMapper.unwrap(askError));
        } else if (!same) {
          done.complete(null);
        } else {
          transport.send(call).whenComplete((ignored, error) -> {
            if (error == null) {
              onSuccess.increment();
              JobLifecycleLog.accepted(run.log(), run.job().jobKey(), ack);
              done.complete(null);
            } else {
              Throwable cause = OutcomeMapper.unwrap(error);
              failed(attempt, answerMayBeLost || cause instanceof CamundaTransportException, cause);
            }
          });
        }
      });
    }

    /** Completes with true when the outcome may go to the cluster at the address now; fails when none answers. */
    private CompletableFuture<Boolean> sameCluster() {
      long losses = transport.connectionsLost();
      if (run.clusterId() == null || run.confirmedAtLosses() >= losses) {
        return CompletableFuture.completedFuture(true); // unknown, or no connection lost since the job came
      }
      if (cluster.isConfirmedAt(losses)) {
        return CompletableFuture.completedFuture(accepts(cluster.current()));
      }
      return askTopology(ACK_TOPOLOGY_TIMEOUT).handle((topology, error) -> {
        if (error == null) {
          noteCluster(topology, losses);
          return accepts(topology.clusterId());
        }
        Throwable cause = OutcomeMapper.unwrap(error);
        if (cause instanceof CamundaApiException) {
          cluster.unidentifiable(losses);
          return true; // it answered, but not with a topology: it cannot be told apart
        }
        throw new java.util.concurrent.CompletionException(cause);
      });
    }

    private boolean accepts(String clusterIdNow) {
      if (!ClusterIdentity.isReplacement(run.clusterId(), clusterIdNow)) {
        return true;
      }
      stats.ackClusterReplaced.increment();
      run.log().warn("Job {}: its {} is not sent: the cluster that handed out the job (clusterId {}) was"
          + " replaced by another (clusterId {}) that does not know it", run.job().jobKey(), what, run.clusterId(),
          clusterIdNow);
      return false;
    }

    /** The first refusal at WARN, then one per {@link #POLL_ERROR_LOG_INTERVAL}: a replaced cluster refuses every held job at once. */
    private void logClusterReplaced(CamundaApiException refusal) {
      long now = System.nanoTime();
      long last = clusterReplacedLoggedAt.get();
      String message = "Job {}: its {} is dropped: the cluster at the address refused it as not the one that handed out"
          + " the job (clusterId {}); the job's own cluster hands it out again when its lock runs out"
          + " (counted in ackClusterReplaced, at WARN once per 10 s): {}";
      if (now - last >= POLL_ERROR_LOG_INTERVAL.toNanos() && clusterReplacedLoggedAt.compareAndSet(last, now)) {
        run.log().warn(message, run.job().jobKey(), what, run.clusterId(), refusal.detail());
      } else {
        run.log().debug(message, run.job().jobKey(), what, run.clusterId(), refusal.detail());
      }
    }

    /**
     * Learns which cluster answers now, so that the jobs it hands out next carry its id; the outcome
     * is dropped either way. Once another refusal taught it, no request.
     */
    private CompletableFuture<Void> relearnCluster() {
      if (ClusterIdentity.isReplacement(run.clusterId(), cluster.current())) {
        return CompletableFuture.completedFuture(null);
      }
      long losses = transport.connectionsLost();
      return askTopology(ACK_TOPOLOGY_TIMEOUT).handle((topology, error) -> {
        if (topology != null) {
          noteCluster(topology, losses);
        }
        return null;
      });
    }

    private void failed(int attempt, boolean answerMayBeLost, Throwable cause) {
      long key = run.job().jobKey();
      CamundaApiException api = cause instanceof CamundaApiException e ? e : null;
      if (api != null && api.status() == PRECONDITION_FAILED) {
        stats.ackClusterReplaced.increment();
        logClusterReplaced(api);
        relearnCluster().whenComplete((ignored, error) -> done.complete(null));
        return;
      }
      if (api != null && api.isNotFound() && answerMayBeLost) {
        onSuccess.increment();
        stats.ackAnswerLost.increment();
        run.log().info("Job {}: its {} was applied by an earlier attempt whose answer was lost on the connection;"
            + " the retry found the job already done", key, what);
        done.complete(null);
        return;
      }
      if (api != null && api.isNotFound()) {
        stats.ackNotFound.increment();
        run.log().warn("Job {} was already gone when its {} was sent (lock expired, instance cancelled or job"
            + " finished elsewhere): {}", key, what, api.detail());
        done.complete(null);
        return;
      }
      boolean connectionFailed = cause instanceof CamundaTransportException;
      // A 500 is retried too: the cluster failed to apply it, and applying it again is what the job needs
      // (if the first attempt did apply, the retry's 404 says so). A 4xx is the cluster's final word.
      boolean transientFailure = connectionFailed
          || (api != null && (api.isTransient() || api.isBackpressure() || api.status() >= 500));
      Duration delay = ackBackoff.delay(attempt);
      if (transientFailure && attempt < MAX_ACK_ATTEMPTS && run.remainingNanos() > delay.toNanos()
          && !environment.clientClosed().getAsBoolean()) {
        stats.ackRetries.increment();
        run.log().debug("Job {}: {} failed ({}), retry {} in {} ms", key, what, cause.getMessage(), attempt,
            delay.toMillis());
        environment.scheduler().schedule(() -> run(attempt + 1, answerMayBeLost),
            delay.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      stats.ackFailed.increment();
      if (ack instanceof Ack.Complete && api != null && api.isBadRequest()) {
        run.log().error("Job {}: the cluster rejected the completion ({}); failing the job instead", key, api.detail());
        Ack fallback = OutcomeMapper.fail(run.job(), "Job completion was rejected: " + api.detail());
        acknowledge(run, fallback).whenComplete((v, e) -> done.complete(null));
        return;
      }
      run.log().error("Job {}: could not send its {}{}: {}", key, what,
          transientFailure ? " before its lock ran out" : "", cause.getMessage());
      done.complete(null);
    }
  }

  /** Called by {@link JobRun#tryStart()} when a handler is about to run. */
  void handlerStarting(JobRun run) {
    stats.started.increment();
    stats.queueNanos.add(System.nanoTime() - run.arrivedAtNanos());
    if (settings.autoExtendLock()) {
      scheduleLockRenewal(run);
    }
  }

  /**
   * Says so when a handler outlives its lock: the cluster may already have given the job to another
   * worker. One periodic check per worker over the jobs in flight, rather than a timer per job: a
   * per-job timer costs a scheduler wake-up per job and, unless cancelled, keeps every finished job
   * reachable for the whole lock time.
   */
  private void reportOverruns() {
    for (JobRun run : inFlight) {
      if (run.reportOverrunOnce()) {
        run.log().warn("Job {}: its {} ms lock ran out while the handler is still running; another worker may get"
                + " the job and this outcome may be rejected (raise the job timeout, call job.extendTimeout(...) or"
                + " use WorkerConfig.withAutoExtendLock())", run.job().jobKey(), settings.jobTimeout().toMillis());
      }
    }
  }

  /** Renews the lock when a third of it is left, for as long as the handler runs. */
  private void scheduleLockRenewal(JobRun run) {
    long lockNanos = settings.jobTimeout().toNanos();
    long delay = Math.max(0, run.remainingNanos() - lockNanos / 3);
    run.timer(environment.scheduler().schedule(() -> renewLock(run), delay, TimeUnit.NANOSECONDS));
  }

  private void renewLock(JobRun run) {
    if (run.state() != JobRun.State.RUNNING || environment.clientClosed().getAsBoolean()) {
      return;
    }
    long key = run.job().jobKey();
    long requestedAt = System.nanoTime();
    Wire.UpdateJob body = new Wire.UpdateJob(new Wire.UpdateJob.Changeset(null, settings.jobTimeout().toMillis()));
    // names the cluster that handed the job out, like every outcome: an engine that replaced it refuses (412)
    Call renewal = Call.json("PATCH", "/jobs/" + key, body, null, RetryMode.IDEMPOTENT).withHeader(ClusterIdentity.HEADER, run.clusterId());
    transport.send(renewal).whenComplete((v, error) -> {
      if (error == null) {
        run.extendLease(requestedAt + settings.jobTimeout().toNanos());
        stats.lockExtensions.increment();
        run.log().debug("Job {}: lock renewed for {} ms", key, settings.jobTimeout().toMillis());
        scheduleLockRenewal(run);
        return;
      }
      Throwable cause = OutcomeMapper.unwrap(error);
      if (cause instanceof CamundaApiException api && (api.isNotFound() || api.isConflict() || api.status() == PRECONDITION_FAILED)) {
        run.log().warn("Job {}: its lock can no longer be renewed ({}); the handler's outcome may be rejected", key,
            api.getMessage());
        return;
      }
      run.log().warn("Job {}: renewing its lock failed ({}); trying again", key, cause.getMessage());
      if (run.remainingNanos() > 0) {
        run.timer(environment.scheduler().schedule(() -> renewLock(run),
            Math.min(1_000_000_000L, Math.max(1, run.remainingNanos() / 4)), TimeUnit.NANOSECONDS));
      }
    });
  }

  void recordHandlerTime(long nanos) {
    stats.handled.increment();
    stats.handlerNanos.add(nanos);
  }

  // --- lifecycle

  boolean isStopping() {
    return stopping.get();
  }

  @Override
  public ShutdownResult shutdown(Duration gracePeriod) {
    if (!stopping.compareAndSet(false, true)) {
      return terminated.join();
    }
    long handedBackBefore = stats.handedBack.sum();
    LOG.info("Worker '{}' for '{}' stopping: {} jobs in flight, grace {} ms", settings.workerName(),
        settings.jobType(), inFlight.size(), gracePeriod.toMillis());
    CompletableFuture<?> poll = currentPoll;
    if (poll != null) {
      poll.cancel(true);
    }
    pollThread.interrupt();
    int abandoned = 0;
    try {
      pollThread.join(Duration.ofSeconds(5));
      execution.shutdown();
      if (!ledger.awaitAllFree(gracePeriod.toNanos(), TimeUnit.NANOSECONDS)) {
        abandoned = inFlight.size();
        LOG.warn("Worker '{}' for '{}': {} jobs still running after the {} ms grace period; their locks will"
                + " run out on the cluster", settings.workerName(), settings.jobType(), abandoned,
            gracePeriod.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandoned = inFlight.size();
    } finally {
      execution.shutdownNow();
      if (overrunCheck != null) {
        overrunCheck.cancel(false);
      }
    }
    ShutdownResult result = new ShutdownResult((int) (stats.handedBack.sum() - handedBackBefore), abandoned);
    LOG.info("Worker '{}' for '{}' stopped ({} handed back, {} abandoned)", settings.workerName(),
        settings.jobType(), result.handedBack(), result.abandoned());
    terminated.complete(result);
    onClosed.accept(this);
    return result;
  }

  @Override
  public void close() {
    shutdown(DEFAULT_GRACE);
  }

  @Override
  public String jobType() {
    return settings.jobType();
  }

  @Override
  public String workerName() {
    return settings.workerName();
  }

  @Override
  public ExecutionStrategy<?> strategy() {
    return strategy;
  }

  @Override
  public int maxConcurrentJobs() {
    return settings.maxConcurrentJobs();
  }

  public WorkerSettings settings() {
    return settings;
  }

  @Override
  public boolean isRunning() {
    return !stopping.get();
  }

  @Override
  public WorkerStats stats() {
    Integer limit = transport.gate().limit();
    return stats.snapshot(inFlight.size(), consecutivePollErrors, currentPollBackoff, limit == null ? 0 : limit);
  }

  /** Slots currently taken, by jobs and by a poll in flight; 0 once the worker is closed. For tests. */
  public int slotsInUse() {
    return ledger.inUse();
  }

  /** Slots given back more often than taken; always 0 unless there is a bug. For tests. */
  public int slotOverReleases() {
    return ledger.overReleases();
  }

  @Override
  public String toString() {
    return "JobWorker[" + settings.jobType() + ", " + settings.workerName() + ", " + strategy + "]";
  }
}
