package org.camunda4j.testing;

import static org.camunda4j.testing.CamundaAssertions.assertThat;

import java.util.Map;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Test;

/** A compensation's throw event, boundary event and handler are waited at and passed like any element. */
@CamundaTest(deploy = "compensation.bpmn")
class CompensationAssertTest {

  CamundaTestContext camunda;

  @Test
  void theThrowEventWaitsBesideTheHandlerAndBothArePassedAfterwards() {
    ProcessInstanceCreationResult instance = camunda.startInstance("compensation");

    camunda.completeNextJob("book");

    assertThat(instance).isWaitingAt("Event_Compensate", "Task_CancelBooking").hasPassed("Task_Book", "Event_UndoBook");
    camunda.completeNextJob("cancel-booking");
    camunda.completeNextJob("notify");
    assertThat(instance).isCompleted().hasPassed("Task_CancelBooking", "Event_Compensate", "Task_Notify");
  }
}
