package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda4j.engine.compat.OfficialClients.await;


import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official Java client 8.9 modifies process instances and starts them at given elements. */
class OfficialClientModificationTest extends OfficialClientScenario {

  private List<ElementInstance> elements(long instance, String elementId) {
    return client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance).elementId(elementId)).send().join().items();
  }

  private ElementInstance awaitActive(long instance, String elementId) {
    return await(() -> elements(instance, elementId), l -> l.size() == 1 && l.getFirst().getState() == ElementInstanceState.ACTIVE).getFirst();
  }

  @Test
  void aWaitIsSkippedWithTheClientsModifyCommand() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/message-intermediate-catch.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("message-intermediate-catch").latestVersion()
            .variables(Map.of("orderId", "o-7")).send().join().getProcessInstanceKey();
    ElementInstance waiting = awaitActive(instance, "Event_PaymentReceived");

    client.newModifyProcessInstanceCommand(instance)
        .activateElement("Task_Ship")
        .withVariables(Map.of("skipped", true))
        .and()
        .terminateElement(waiting.getElementInstanceKey())
        .send()
        .join();

    assertThat(elements(instance, "Event_PaymentReceived")).singleElement().satisfies(e -> assertThat(e.getState()).isEqualTo(ElementInstanceState.TERMINATED));
    var job = client.newActivateJobsCommand().jobType("ship-order").maxJobsToActivate(1).send().join().getJobs().getFirst();
    assertThat(job.getVariablesAsMap()).containsEntry("skipped", true);
  }

  @Test
  void tokensAreMovedByElementIdWithTheClient() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/embedded-subprocess.bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("embedded-subprocess").latestVersion().send().join().getProcessInstanceKey();
    awaitActive(instance, "Task_Inner");

    client.newModifyProcessInstanceCommand(instance).moveElements("Task_Inner", "Task_AfterSub").send().join();

    awaitActive(instance, "Task_AfterSub");
    assertThat(elements(instance, "SubProcess_Handle")).singleElement().satisfies(e -> assertThat(e.getState()).isEqualTo(ElementInstanceState.TERMINATED));
  }

  @Test
  void anInstanceStartsBeforeTheElementsTheClientNames() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/embedded-subprocess.bpmn").send().join();

    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("embedded-subprocess").latestVersion().startBeforeElement("Task_AfterSub").send().join()
            .getProcessInstanceKey();

    awaitActive(instance, "Task_AfterSub");
    assertThat(elements(instance, "StartEvent_1")).isEmpty();
    assertThat(elements(instance, "SubProcess_Handle")).isEmpty();
  }

  @Test
  void anInvalidModificationIsAProblemNamingTheInstruction() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/embedded-subprocess.bpmn").send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("embedded-subprocess").latestVersion().send().join().getProcessInstanceKey();

    assertThatThrownBy(() -> client.newModifyProcessInstanceCommand(instance).activateElement("Nowhere").send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("activateInstructions[0]")
        .hasMessageContaining("'Nowhere' does not exist");
  }
}
