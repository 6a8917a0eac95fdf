package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timer cycles in cron form (six fields, seconds first) fire on the engine clock, in UTC, on every
 * timer event; a cron cycle the engine cannot schedule is rejected at deployment.
 */
class CronTimerTest extends EngineScenario {

  /** A Tuesday. */
  private static final Instant T0 = Instant.parse("2030-01-01T11:00:00Z");

  @BeforeEach
  void pinTheClock() {
    engine.clock().pin(T0);
  }

  @Test
  void aCronTimerStartEventStartsAnInstanceAtEachMatchingTime() {
    http.deployOk(bpmn("timer-cron-start.bpmn"));

    engine.clock().advance(Duration.ofHours(21).plusMinutes(59)); // Wednesday 08:59
    assertNoJobNow("daily-report");
    engine.clock().advance(Duration.ofMinutes(2));
    http.awaitJobCount("daily-report", 1);

    engine.clock().advance(Duration.ofDays(1)); // Thursday 09:01
    http.awaitJobCount("daily-report", 2);
    assertThat(http.search("process-instances", Map.of("filter", Map.of("processDefinitionId", "timer-cron-start"))))
        .hasSize(2);
  }

  @Test
  void aNonInterruptingCronBoundaryFiresAgainAtEachMatchWhileTheTaskWaits() {
    http.deployOk(bpmn("timer-cron-boundary.bpmn"));
    String instance = http.createInstance("timer-cron-boundary");

    engine.clock().advance(Duration.ofMinutes(14));
    assertNoJobNow("cron-remind");
    engine.clock().advance(Duration.ofMinutes(2)); // 11:16
    http.awaitJobCount("cron-remind", 1);
    engine.clock().advance(Duration.ofMinutes(15)); // 11:31
    http.awaitJobCount("cron-remind", 2);

    http.completeNext("cron-review", Map.of());
    engine.clock().advance(Duration.ofMinutes(15));
    assertThat(http.search("jobs", Map.of("filter", Map.of("type", "cron-remind")))).as("the timer ended with the task").hasSize(2);
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void aCronIntermediateCatchEventWaitsForTheNextMatchingTime() {
    http.deployOk(bpmn("timer-cron-catch.bpmn"));
    String instance = http.createInstance("timer-cron-catch");

    engine.clock().advance(Duration.ofMinutes(89));
    assertNoJobNow("after-lunch");
    engine.clock().advance(Duration.ofMinutes(2));

    assertThat(http.activateOne("after-lunch").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void aCronCycleWithAnUnknownDayIsRejectedAtDeployment() {
    String detail = assertProblem(http.deploy(bpmn("invalid/timer-cron-invalid.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("StartEvent_Bad").contains("FUNDAY");
  }

  @Test
  void aUnixCronCycleWithoutSecondsIsRejectedAtDeploymentSayingSixFieldsAreNeeded() {
    String detail = assertProblem(http.deploy(bpmn("invalid/timer-cron-five-fields.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Event_Unix").contains("six fields");
  }

  private void assertNoJobNow(String type) {
    assertThat(http.activate(type, 1, 1_500).json().path("jobs")).as("jobs of type %s", type).isEmpty();
  }
}
