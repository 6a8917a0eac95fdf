package org.camunda4j.engine.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.processing.ActivatedJob;
import org.camunda4j.engine.internal.processing.ActivationRequest;
import org.camunda4j.engine.internal.processing.ControlledClock;
import org.camunda4j.engine.internal.processing.DeploymentResource;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.HistoryRetention;
import org.camunda4j.engine.internal.processing.NewInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory log keeps a copy of the state on a thread of its own: once a chunk of events has
 * come, the copy takes them and they go, so the log holds a bounded number of events; the copy,
 * written as a snapshot, and the events it has not taken still rebuild the live state (the close
 * check every engine test runs).
 */
class InMemoryEventLogTest {

  private static final int CHUNK = 25;

  private InMemoryEventLog log;
  private final EngineOperations engine =
      new EngineOperations(
          new ControlledClock(), Duration.ofSeconds(1), HistoryRetention.KEEP_ALL, t -> log = new InMemoryEventLog(new SnapshotCodec(t), CHUNK));

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void theStatesCopyTakesTheEventsInChunksAndWithTheRestStillRebuildsTheState() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/single-service-task.bpmn")) {
      engine.deploy(List.of(new DeploymentResource("single-service-task.bpmn", in.readAllBytes())), "<default>").join();
    }
    for (int i = 0; i < 40; i++) {
      engine.createById("single-service-task", -1, new NewInstance(Map.of("i", i), List.of(), null, null)).join();
    }
    List<ActivatedJob> jobs =
        engine.activate(new ActivationRequest("work", "w", 60_000, 15, List.of(), List.of("<default>"), 0), () -> true).join();
    for (ActivatedJob job : jobs) {
      engine.completeJob(job.jobKey(), Map.of("done", true)).join();
    }

    BackgroundSnapshots.Current current = awaitEventsBelow(CHUNK);

    assertThat(current.snapshot()).as("the copy written as a snapshot").isNotNull();
    assertThat(current.snapshot().position() + current.events().size())
        .as("the snapshot and the events after it cover every event")
        .isEqualTo(log.position());
    assertThat(engine.replayMismatch()).isNull();
  }

  /** The copy takes events on its own thread: waits (at most 30 s) until it has taken all but the last chunk. */
  private BackgroundSnapshots.Current awaitEventsBelow(int events) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    BackgroundSnapshots.Current current = log.current();
    while (current.events().size() >= events && System.nanoTime() < deadline) {
      Thread.sleep(20);
      current = log.current();
    }
    assertThat(current.events()).as("the events the copy took are dropped").hasSizeLessThan(events);
    return current;
  }
}
