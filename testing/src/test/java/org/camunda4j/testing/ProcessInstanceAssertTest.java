package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda4j.testing.CamundaAssertions.assertThat;
import static org.camunda4j.testing.CamundaAssertions.assertThatProcessInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Test;

/** The fluent assertions, each against a real instance; the failing cases check the message they give. */
@CamundaTest(deploy = "charge-and-ship.bpmn")
class ProcessInstanceAssertTest {

  /** Short, so the deliberately failing assertions give up soon. */
  private static final Duration SHORT = Duration.ofMillis(300);

  record Parcel(String carrier, int weight) {}

  CamundaTestContext camunda;

  @Test
  void aCompletedInstancePassedItsTasksAndKeepsItsVariables() {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship", Map.of("orderId", "o-1"));
    camunda.completeNextJob("charge", Map.of("amount", 42));
    camunda.completeNextJob("ship", Map.of("parcel", new Parcel("dhl", 3), "tags", List.of("fragile")));

    assertThat(instance)
        .isCompleted()
        .hasPassed("Task_Charge", "Task_Ship")
        .hasVariable("orderId", "o-1")
        .hasVariable("amount", 42.0) // numbers compare by value, whatever their Java type
        .hasVariable("parcel", Map.of("weight", 3, "carrier", "dhl"))
        .hasVariable("parcel", new Parcel("dhl", 3))
        .hasVariable("tags")
        .hasNoIncident();
  }

  @Test
  void anInstanceWaitingOnAJobIsActiveAtItsTask() {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship");
    camunda.completeNextJob("charge");

    assertThatProcessInstance(instance.processInstanceKey())
        .isActive()
        .isActiveAt("Task_Ship")
        .hasPassed("Task_Charge");
  }

  @Test
  void aJobOutOfRetriesIsAnIncidentAtItsTask() {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship");
    camunda.failNextJob("charge", "card reader offline", 0);

    assertThat(instance).hasIncident().hasIncident("Task_Charge", "card reader offline").isActiveAt("Task_Charge");
  }

  @Test
  void aCancelledInstanceIsTerminated() {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship");
    camunda.client().cancelProcessInstance(instance.processInstanceKey());

    assertThat(instance).isTerminated();
  }

  @Test
  void failuresSayWhatTheInstanceLooksLike() {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship", Map.of("orderId", "o-2"));

    assertThatThrownBy(() -> assertThat(instance).within(SHORT).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be COMPLETED")
        .hasMessageContaining("it is ACTIVE, active at [Task_Charge]");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).hasPassed("Task_Ship"))
        .hasMessageContaining("to have passed [Task_Ship], but it passed [StartEvent_1]");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).isWaitingAt("EndEvent_1"))
        .hasMessageContaining("to be waiting at [EndEvent_1], but it waits at [Task_Charge]");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).hasVariable("orderId", "o-3"))
        .hasMessageContaining("but it is \"o-2\"");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).hasVariable("missing"))
        .hasMessageContaining("to have variable missing");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).hasIncident())
        .hasMessageContaining("to have an active incident");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).isActiveAt("Task_Ship"))
        .hasMessageContaining("active at [Task_Charge]");
  }
}
