package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda4j.engine.compat.OfficialClients.await;


import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.BatchOperationItemState;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.enums.BatchOperationType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.BatchOperationItems.BatchOperationItem;
import org.junit.jupiter.api.Test;

/** The official Java client 8.9 creates batch operations, follows them and reads their items. */
class OfficialClientBatchOperationTest extends OfficialClientScenario {

  private long startInstance() {
    return client.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion().send().join().getProcessInstanceKey();
  }

  @Test
  void aBatchCancellationIsCreatedAndFollowedWithTheClient() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
    long instance = startInstance();
    long untouched = startInstance();

    var created = client.newCreateBatchOperationCommand().processInstanceCancel().filter(f -> f.processInstanceKey(instance)).send().join();

    assertThat(created.getBatchOperationType()).isEqualTo(BatchOperationType.CANCEL_PROCESS_INSTANCE);
    BatchOperation batch =
        await(() -> client.newBatchOperationGetRequest(created.getBatchOperationKey()).send().join(), b -> b.getStatus() == BatchOperationState.COMPLETED);
    assertThat(batch.getType()).isEqualTo(BatchOperationType.CANCEL_PROCESS_INSTANCE);
    assertThat(batch.getOperationsTotalCount()).isEqualTo(1);
    assertThat(batch.getOperationsCompletedCount()).isEqualTo(1);
    assertThat(batch.getEndDate()).isNotNull();
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(client.newProcessInstanceGetRequest(untouched).send().join().getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    BatchOperationItem item =
        client.newBatchOperationItemsSearchRequest().filter(f -> f.batchOperationKey(created.getBatchOperationKey())).send().join().singleItem();
    assertThat(item.getItemKey()).isEqualTo(instance);
    assertThat(item.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(item.getStatus()).isEqualTo(BatchOperationItemState.COMPLETED);
    assertThat(client.newBatchOperationSearchRequest().filter(f -> f.operationType(BatchOperationType.CANCEL_PROCESS_INSTANCE)).send().join().items())
        .extracting(BatchOperation::getBatchOperationKey)
        .containsExactly(created.getBatchOperationKey());
  }

  @Test
  void aBatchIncidentResolutionIsCreatedWithTheClient() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
    long instance = startInstance();
    var job = client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1).send().join().getJobs().getFirst();
    client.newFailCommand(job).retries(0).errorMessage("down").send().join();
    long incident =
        await(() -> client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items(), l -> l.size() == 1)
            .getFirst().getIncidentKey();

    var created = client.newCreateBatchOperationCommand().resolveIncident().filter(f -> f.processInstanceKey(instance)).send().join();

    await(() -> client.newBatchOperationGetRequest(created.getBatchOperationKey()).send().join(), b -> b.getStatus() == BatchOperationState.COMPLETED);
    assertThat(client.newIncidentGetRequest(incident).send().join().getState()).isEqualTo(IncidentState.RESOLVED);
  }

  @Test
  void aModificationBatchIsCreatedWithTheClient() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/embedded-subprocess.bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("embedded-subprocess").latestVersion().send().join().getProcessInstanceKey();
    await(() -> client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance).elementId("Task_Inner")).send().join().items(),
        l -> l.size() == 1);

    var created =
        client.newCreateBatchOperationCommand().modifyProcessInstance().addMoveInstruction("Task_Inner", "Task_AfterSub")
            .filter(f -> f.processInstanceKey(instance)).send().join();

    assertThat(created.getBatchOperationType()).isEqualTo(BatchOperationType.MODIFY_PROCESS_INSTANCE);
    await(() -> client.newBatchOperationGetRequest(created.getBatchOperationKey()).send().join(), b -> b.getStatus() == BatchOperationState.COMPLETED);
    assertThat(client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance).elementId("Task_AfterSub")).send().join().items())
        .hasSize(1);
  }

  @Test
  void endedInstancesAreDeletedOneByOneAndInABatchWithTheClient() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
    long first = startInstance();
    long second = startInstance();
    client.newCancelInstanceCommand(first).send().join();
    client.newCancelInstanceCommand(second).send().join();

    client.newDeleteProcessInstanceCommand(first).send().join();
    var created = client.newCreateBatchOperationCommand().deleteProcessInstance().filter(f -> f.processDefinitionId("single-service-task")).send().join();

    assertThat(created.getBatchOperationType()).isEqualTo(BatchOperationType.DELETE_PROCESS_INSTANCE);
    BatchOperation batch =
        await(() -> client.newBatchOperationGetRequest(created.getBatchOperationKey()).send().join(), b -> b.getStatus() == BatchOperationState.COMPLETED);
    assertThat(batch.getOperationsCompletedCount()).isEqualTo(1);
    assertThat(client.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(second).send().join()).hasMessageContaining("404");
  }

  @Test
  void anEndedBatchCannotBeSuspendedResumedOrCanceled() {
    var created = client.newCreateBatchOperationCommand().processInstanceCancel().filter(f -> f.processDefinitionId("none")).send().join();
    String key = created.getBatchOperationKey();
    await(() -> client.newBatchOperationGetRequest(key).send().join(), b -> b.getStatus() == BatchOperationState.COMPLETED);

    assertThatThrownBy(() -> client.newSuspendBatchOperationCommand(key).send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("COMPLETED, not ACTIVE");
    assertThatThrownBy(() -> client.newResumeBatchOperationCommand(key).send().join()).hasMessageContaining("409");
    assertThatThrownBy(() -> client.newCancelBatchOperationCommand(key).send().join()).hasMessageContaining("409");
  }
}
