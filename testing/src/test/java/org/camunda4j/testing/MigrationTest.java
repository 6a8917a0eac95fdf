package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.DeploymentResult;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Test;

/** Migrating a running instance to a new version of its process in a test, and a plan the engine rejects. */
@CamundaTest(deploy = "migration-order-v1.bpmn", awaitMillis = 5_000)
class MigrationTest {

  CamundaTestContext camunda;

  @Test
  void aRunningInstanceMovesToTheNewVersionAndGoesOnThere() {
    ProcessInstanceCreationResult instance = camunda.startInstance("migration-order", Map.of("orderId", "o-1"));
    camunda.assertThat(instance).isWaitingAt("Task_A");
    DeploymentResult v2 = camunda.deploy("migration-order-v2.bpmn");

    camunda.migrate(instance, v2, Map.of("Task_A", "Task_A2"));

    camunda.assertThat(instance).isWaitingAt("Task_A2");
    ActivatedJob job = camunda.completeNextJob("work-a");
    assertThat(job.elementId()).isEqualTo("Task_A2");
    assertThat(job.processDefinitionVersion()).isEqualTo(2);
    camunda.completeUserTask(instance, "Task_Review", Map.of());
    camunda.assertThat(instance).isCompleted().hasPassed("Task_A2", "Task_Review");
  }

  @Test
  void aPlanThatDoesNotFitIsRejectedWithTheEnginesReasonAndChangesNothing() {
    ProcessInstanceCreationResult instance = camunda.startInstance("migration-order", Map.of("orderId", "o-1"));
    camunda.assertThat(instance).isWaitingAt("Task_A");
    DeploymentResult v2 = camunda.deploy("migration-order-v2.bpmn");

    assertThatThrownBy(() -> camunda.migrate(instance, v2, Map.of("Task_A", "Task_Review")))
        .isInstanceOfSatisfying(CamundaApiException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.detail()).contains("Task_A", "Task_Review", "same type");
        });
    camunda.completeNextJob("work-a");
    camunda.assertThat(instance).isCompleted().hasPassed("Task_A");
  }
}
