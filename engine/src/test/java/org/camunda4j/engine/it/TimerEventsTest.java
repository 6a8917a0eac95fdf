package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timers (issue 4 §3) run on the engine clock: every test pins it and moves it, never sleeps.
 * "Nothing happened" is checked with a short long poll after the move, "something happened" with
 * a long poll that answers as soon as the job appears.
 */
class TimerEventsTest extends EngineScenario {

  private static final Instant T0 = Instant.parse("2030-01-01T11:00:00Z");

  @BeforeEach
  void pinTheClock() {
    engine.clock().pin(T0);
  }

  @Test
  void anIntermediateTimerWaitsItsDurationOnTheEngineClock() {
    http.deployOk(bpmn("timer-intermediate-catch.bpmn"));
    String instance = http.createInstance("timer-intermediate-catch");

    engine.clock().advance(Duration.ofMinutes(9));
    assertNoJobNow("after-wait");

    engine.clock().advance(Duration.ofMinutes(2));
    assertThat(http.activateOne("after-wait").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void aTimerDurationCanComeFromAVariable() {
    http.deployOk(bpmn("timer-feel-duration.bpmn"));
    String instance = http.createInstance("timer-feel-duration", Map.of("waitTime", "PT5M"));

    engine.clock().advance(Duration.ofMinutes(4));
    assertNoJobNow("after-wait");
    engine.clock().advance(Duration.ofMinutes(2));

    assertThat(http.activateOne("after-wait").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void anInterruptingTimerBoundaryCancelsTheTaskWhenItFires() {
    http.deployOk(bpmn("timer-boundary-interrupting.bpmn"));
    http.createInstance("timer-boundary-interrupting");
    JsonNode slow = http.activateOne("slow-work");

    engine.clock().advance(Duration.ofMinutes(61));

    http.activateOne("escalate");
    assertProblem(http.post("/jobs/" + slow.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void completingTheTaskBeforeTheTimerCancelsTheTimer() {
    http.deployOk(bpmn("timer-boundary-interrupting.bpmn"));
    String instance = http.createInstance("timer-boundary-interrupting");
    http.completeNext("slow-work", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");

    engine.clock().advance(Duration.ofHours(2));

    assertNoJobNow("escalate");
  }

  @Test
  void aNonInterruptingTimerCycleFiresItsRepetitionsWhileTheTaskGoesOn() {
    http.deployOk(bpmn("timer-boundary-non-interrupting-cycle.bpmn"));
    http.createInstance("timer-boundary-non-interrupting-cycle");
    JsonNode work = http.activateOne("long-running");

    for (int repetition = 1; repetition <= 3; repetition++) {
      engine.clock().advance(Duration.ofMinutes(10));
      http.completeNext("remind", Map.of());
    }
    engine.clock().advance(Duration.ofMinutes(10));

    assertNoJobNow("remind");
    http.completeJob(work.path("jobKey").asText(), Map.of());
  }

  @Test
  void aTimerStartEventWithADateStartsOneInstanceThen() {
    http.deployOk(bpmn("timer-start-date.bpmn"));
    assertNoJobNow("new-year-work");

    engine.clock().advance(Duration.ofMinutes(61));
    // completed, so that its own timeout cannot bring the job back while the clock moves on
    http.completeJob(http.activateOne("new-year-work").path("jobKey").asText(), Map.of());

    engine.clock().advance(Duration.ofDays(1));
    assertNoJobNow("new-year-work");
  }

  @Test
  void aTimerStartEventWithACycleStartsAnInstancePerRepetition() {
    http.deployOk(bpmn("timer-start-cycle.bpmn"));

    engine.clock().advance(Duration.ofMinutes(61));
    http.completeJob(http.activateOne("hourly-work").path("jobKey").asText(), Map.of());
    engine.clock().advance(Duration.ofMinutes(60));
    http.completeJob(http.activateOne("hourly-work").path("jobKey").asText(), Map.of());
    engine.clock().advance(Duration.ofMinutes(60));

    assertNoJobNow("hourly-work");
  }

  @Test
  void aTimerStartEventWithADurationStartsOnceAfterDeployment() {
    http.deployOk(bpmn("timer-start-duration.bpmn"));

    engine.clock().advance(Duration.ofMinutes(59));
    assertNoJobNow("delayed-work");
    engine.clock().advance(Duration.ofMinutes(2));

    http.activateOne("delayed-work");
  }

  @Test
  void anEventBasedGatewayFollowsTheMessageWhenItArrivesFirst() {
    http.deployOk(bpmn("event-based-gateway.bpmn"));
    String instance = http.createInstance("event-based-gateway", Map.of("requestId", "r-1"));

    http.post(
        "/messages/publication",
        Map.of("name", "reply-received", "correlationKey", "r-1", "timeToLive", 60_000));
    http.activateOne("process-reply");
    engine.clock().advance(Duration.ofMinutes(10));

    assertNoJobNow("chase-up");
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void anEventBasedGatewayFollowsTheTimerWhenItFiresFirst() {
    http.deployOk(bpmn("event-based-gateway.bpmn"));
    http.createInstance("event-based-gateway", Map.of("requestId", "r-2"));

    engine.clock().advance(Duration.ofMinutes(6));
    http.activateOne("chase-up");
    http.post("/messages/publication", Map.of("name", "reply-received", "correlationKey", "r-2"));

    assertNoJobNow("process-reply");
  }

  /** After a clock move, gives the engine a short real-time moment to act, then checks nothing did. */
  private void assertNoJobNow(String type) {
    assertThat(http.activate(type, 1, 1_500).json().path("jobs")).as("jobs of type %s", type).isEmpty();
  }
}
