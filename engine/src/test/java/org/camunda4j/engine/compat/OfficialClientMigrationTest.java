package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda4j.engine.compat.OfficialClients.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.enums.BatchOperationType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official Java client 8.9 migrates process instances, one by one and as a batch. */
class OfficialClientMigrationTest extends OfficialClientScenario {

  private long deploy(String resource) {
    return client.newDeployResourceCommand().addResourceFromClasspath(resource).send().join().getProcesses().getFirst().getProcessDefinitionKey();
  }

  private long startOrder(String orderId) {
    return client.newCreateInstanceCommand().bpmnProcessId("migration-order").latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
  }

  private long awaitJob(long instance) {
    return await(() -> client.newJobSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items(), l -> l.size() == 1)
        .getFirst().getJobKey();
  }

  @Test
  void anInstanceIsMigratedWithTheClientsMigrateCommand() {
    deploy("bpmn/migration-order-v1.bpmn");
    long instance = startOrder("o-1");
    long jobKey = awaitJob(instance);
    long target = deploy("bpmn/migration-order-v2.bpmn");

    client.newMigrateProcessInstanceCommand(instance)
        .migrationPlan(target)
        .addMappingInstruction("Task_A", "Task_A2")
        .addMappingInstruction("Timer_A", "Timer_A2")
        .send()
        .join();

    var migrated = client.newProcessInstanceGetRequest(instance).send().join();
    assertThat(migrated.getProcessDefinitionKey()).isEqualTo(target);
    assertThat(migrated.getProcessDefinitionVersion()).isEqualTo(2);
    var job = client.newActivateJobsCommand().jobType("work-a").maxJobsToActivate(1).send().join().getJobs().getFirst();
    assertThat(job.getKey()).isEqualTo(jobKey);
    assertThat(job.getElementId()).isEqualTo("Task_A2");
    assertThat(job.getProcessDefinitionKey()).isEqualTo(target);
  }

  @Test
  void aPlanThatDoesNotFitTheInstanceIsA409ForTheClient() {
    deploy("bpmn/migration-order-v1.bpmn");
    long instance = startOrder("o-1");
    awaitJob(instance);
    long target = deploy("bpmn/migration-order-v2.bpmn");

    assertThatThrownBy(() -> client.newMigrateProcessInstanceCommand(instance).migrationPlan(target)
            .addMappingInstruction("Task_A", "Task_Review").send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("same type");
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionVersion()).isEqualTo(1);
  }

  @Test
  void instancesAreMigratedByTheClientsMigrationBatch() {
    long source = deploy("bpmn/migration-order-v1.bpmn");
    long first = startOrder("o-1");
    long second = startOrder("o-2");
    awaitJob(first);
    awaitJob(second);
    long target = deploy("bpmn/migration-order-v2.bpmn");

    var created = client.newCreateBatchOperationCommand().migrateProcessInstance()
        .targetProcessDefinitionKey(target)
        .addMappingInstruction("Task_A", "Task_A2")
        .filter(f -> f.processDefinitionKey(source))
        .send()
        .join();

    assertThat(created.getBatchOperationType()).isEqualTo(BatchOperationType.MIGRATE_PROCESS_INSTANCE);
    var batch = await(() -> client.newBatchOperationGetRequest(created.getBatchOperationKey()).send().join(),
        b -> b.getStatus() != BatchOperationState.ACTIVE);
    assertThat(batch.getStatus()).isEqualTo(BatchOperationState.COMPLETED);
    assertThat(batch.getOperationsCompletedCount()).isEqualTo(2);
    for (long instance : new long[] {first, second}) {
      assertThat(client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionKey()).isEqualTo(target);
    }
  }
}
