package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Test;

/** Driving jobs by hand: complete, fail (with and without retries left) and wait for the next one. */
@CamundaTest(deploy = "charge-and-ship.bpmn", awaitMillis = 5_000)
class JobHelpersTest {

  CamundaTestContext camunda;

  @Test
  void completeNextJobHandsBackTheJobItCompleted() {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship", Map.of("orderId", "o-1"));

    ActivatedJob charge = camunda.completeNextJob("charge", Map.of("charged", true));

    assertThat(charge.processInstanceKey()).isEqualTo(instance.processInstanceKey());
    assertThat(charge.variables()).containsEntry("orderId", "o-1");
    assertThat(charge.worker()).isEqualTo(CamundaTestContext.HELPER_WORKER);
    camunda.assertThat(instance).isActiveAt("Task_Ship").hasVariable("charged", true);
  }

  @Test
  void failNextJobTakesOneRetryAndTheJobComesBack() {
    camunda.startInstance("charge-and-ship");

    ActivatedJob first = camunda.failNextJob("charge", "try again");
    ActivatedJob second = camunda.nextJob("charge");

    assertThat(second.jobKey()).isEqualTo(first.jobKey());
    assertThat(second.retries()).isEqualTo(first.retries() - 1);
  }

  @Test
  void waitingForAJobThatNeverComesFailsWithItsType() {
    assertThatThrownBy(() -> camunda.completeNextJob("no-such-type"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a job of type 'no-such-type'");
  }
}
