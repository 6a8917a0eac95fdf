package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.testing.CamundaAssertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda4j.engine.EngineClock;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.sdk.UserTask;
import org.junit.jupiter.api.Test;

/** The message, user-task and clock helpers, on a process that waits for each in turn. */
@CamundaTest(deploy = "wait-states.bpmn")
class WaitStatesTest {

  CamundaTestContext camunda;
  EngineClock clock;

  @Test
  void aMessageThenAUserTaskThenATimer() {
    ProcessInstanceCreationResult instance = camunda.startInstance("wait-states", Map.of("orderId", "o-7"));

    camunda.publishMessage("payment-received", "o-7", Map.of("paid", true));
    UserTask approval = camunda.completeUserTask(instance, "Task_Approve", Map.of("approved", true));
    assertThat(instance).isActive().hasPassed("Task_Approve").hasVariable("paid", true).hasVariable("approved", true);

    clock.advance(Duration.ofHours(1).plusSeconds(1));

    assertThat(instance).isCompleted();
    assertThat(approval.processInstanceKey()).isEqualTo(instance.processInstanceKey());
  }

  @Test
  void eventsAreWaitedAtAndPassedLikeTasks() {
    ProcessInstanceCreationResult instance = camunda.startInstance("wait-states", Map.of("orderId", "o-9"));

    assertThat(instance).isWaitingAt("Catch_PaymentReceived").isActiveAt("Catch_PaymentReceived").hasPassed("StartEvent_1");

    camunda.publishMessage("payment-received", "o-9");
    camunda.completeUserTask(instance, "Task_Approve", Map.of());

    assertThat(instance).isWaitingAt("Timer_CoolDown").hasPassed("Catch_PaymentReceived", "Task_Approve");
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(instance).isCompleted().hasPassed("Timer_CoolDown", "EndEvent_1");
  }

  @Test
  void anOpenUserTaskMakesItsElementActive() {
    ProcessInstanceCreationResult instance = camunda.startInstance("wait-states", Map.of("orderId", "o-8"));
    camunda.publishMessage("payment-received", "o-8");

    UserTask task = camunda.nextUserTask(instance, "Task_Approve");

    assertThat(instance).isActiveAt("Task_Approve");
    assertThat(task.elementId()).isEqualTo("Task_Approve");
  }
}
