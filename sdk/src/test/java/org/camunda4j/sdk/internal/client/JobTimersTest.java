package org.camunda4j.sdk.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.IntStream;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.SyncJobContext;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A job's timers live exactly as long as the job: once it is acknowledged nothing scheduled refers to
 * it, so a finished job is garbage at once rather than after its lock time (a 60 s lock at thousands
 * of jobs a second would otherwise keep hundreds of thousands of finished jobs reachable).
 */
class JobTimersTest {

  private static final Duration LONG_LOCK = Duration.ofSeconds(60);

  private final EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn");

  @AfterEach
  void close() {
    fixture.close();
  }

  private ScheduledThreadPoolExecutor scheduler() {
    return (ScheduledThreadPoolExecutor) ((DefaultCamundaAsyncClient) fixture.client.async()).runtime().scheduler();
  }

  private void runJobs(JobWorker worker, int count) {
    IntStream.range(0, count).forEach(i -> fixture.start("work", Map.of("orderId", "o-" + i)));
    Await.until(count + " completions", () -> worker.stats().completed() == count);
  }

  @Test
  void withAutoExtendedLocksNoTimerOutlivesItsJob() {
    JobWorker worker = fixture.client.createJobWorker(
        WorkerConfig.of("work").withJobTimeout(LONG_LOCK).withMaxConcurrentJobs(8).withAutoExtendLock(),
        ExecutionStrategy.VIRTUAL, (SyncJobContext job) -> null);

    runJobs(worker, 20);

    // each job had a lock renewal due in 40 s; every one was cancelled and removed when its job ended
    assertThat(scheduler().getQueue()).isEmpty();
  }

  @Test
  void withoutAutoExtendTheOnlyTimerLeftIsTheWorkersOwnOverrunCheck() {
    JobWorker worker = fixture.client.createJobWorker(
        WorkerConfig.of("work").withJobTimeout(LONG_LOCK).withMaxConcurrentJobs(8),
        ExecutionStrategy.THREAD, (SyncJobContext job) -> null);

    runJobs(worker, 20);

    assertThat(scheduler().getQueue()).hasSize(1);
    worker.close();
    assertThat(scheduler().getQueue()).isEmpty();
  }

  @Test
  void aHandlerThatOutlivesItsLockIsReportedOnceWhileItRuns() {
    Logger jobLog = (Logger) LoggerFactory.getLogger("org.camunda4j.sdk.job");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    jobLog.addAppender(lines);
    try {
      JobWorker worker = fixture.client.createJobWorker(
          WorkerConfig.of("work").withJobTimeout(Duration.ofMillis(400)).withMaxConcurrentJobs(1)
              .withWorkerName("overrun-test"),
          ExecutionStrategy.VIRTUAL, (SyncJobContext job) -> {
            Thread.sleep(1_500);
            return null;
          });
      fixture.start("work", Map.of("orderId", "slow"));

      Await.until("the handler to finish", () -> worker.stats().handled() >= 1);

      assertThat(lines.list).filteredOn(line -> "overrun-test".equals(line.getMDCPropertyMap().get("workerName"))
              && line.getLevel() == Level.WARN
              && line.getFormattedMessage().contains("lock ran out while the handler is still running"))
          .hasSize(1);
    } finally {
      jobLog.detachAppender(lines);
    }
  }
}
