package org.camunda4j.testing;

import static org.camunda4j.testing.CamundaAssertions.assertThat;

import java.util.Map;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Test;

/** The element assertions on conditional events and ad-hoc sub-processes. */
@CamundaTest(deploy = {"conditional-intermediate-catch.bpmn", "conditional-boundary.bpmn", "adhoc-completion-wait.bpmn"})
class NewElementsAssertTest {

  CamundaTestContext camunda;

  @Test
  void aConditionalCatchEventIsWaitedAtUntilItsConditionHoldsAndPassedWhenItDoes() {
    ProcessInstanceCreationResult waiting = camunda.startInstance("conditional-intermediate-catch", Map.of("stockReserved", false));
    ProcessInstanceCreationResult passing = camunda.startInstance("conditional-intermediate-catch", Map.of("stockReserved", true));

    assertThat(waiting).isActive().isWaitingAt("Event_StockReserved");
    assertThat(passing).isCompleted().hasPassed("Event_StockReserved");
  }

  @Test
  void aNonInterruptingConditionalBoundaryEventIsPassedWhileItsTaskWaits() {
    ProcessInstanceCreationResult instance = camunda.startInstance("conditional-boundary", Map.of("addressChanged", false, "reminders", 1));

    assertThat(instance).hasPassed("Event_Reminder").isWaitingAt("Activity_Review", "Activity_Remind");
  }

  @Test
  void anAdHocSubProcessIsActiveAroundTheElementsItActivated() {
    ProcessInstanceCreationResult instance = camunda.startInstance("adhoc-completion-wait");

    assertThat(instance).isActiveAt("Activity_AdHoc", "Task_A", "Task_B").isWaitingAt("Task_A", "Task_B");
    camunda.completeNextJob("check-stock", Map.of("decided", true));
    camunda.completeNextJob("check-credit");

    assertThat(instance).isCompleted().hasPassed("Task_A", "Task_B", "Activity_AdHoc");
  }
}
