package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda4j.engine.Engine;

/** How every compatibility test connects the official client: REST only, no streaming, no auth. */
final class OfficialClients {

  private OfficialClients() {}

  static CamundaClient connectTo(Engine engine) {
    return builderFor(engine).build();
  }

  /** The settings every compatibility test uses, for tests that add credentials or tenants. */
  static CamundaClientBuilder builderFor(Engine engine) {
    return CamundaClient.newClientBuilder()
        .restAddress(engine.restAddress())
        .preferRestOverGrpc(true)
        .defaultJobWorkerStreamEnabled(false)
        // Fast polls keep the tests short.
        .defaultJobPollInterval(Duration.ofMillis(50))
        // The client's 10 s default doubles as its socket timeout. On a shared, heavily loaded
        // test machine (load averages above 20 were seen on 2 cores) a few commands crossed it,
        // so give every call 30 s. This changes no request shape; workers then long-poll with
        // requestTimeout 30000, which the engine treats like any other value.
        .defaultRequestTimeout(Duration.ofSeconds(30));
  }

  /**
   * Asks {@code probe} until {@code done} holds, for up to 30 s: searches the official client reads
   * may trail the command that changed them. Returns the last answer; fails with it if none fits.
   */
  static <T> T await(Supplier<T> probe, Predicate<T> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    T last = probe.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = probe.get();
    }
    assertThat(done.test(last)).as("condition met within 30 s, last seen: %s", last).isTrue();
    return last;
  }
}
