package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda4j.engine.compat.OfficialClients.await;


import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.CorrelatedMessageSubscription;
import io.camunda.client.api.search.response.ElementInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official Java client 8.9 reads element instances and correlated message subscriptions. */
class OfficialClientProcessApiTest extends OfficialClientScenario {

  @Test
  void elementInstancesAreSearchedAndFetchedWithTheClientsTypes() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion().send().join().getProcessInstanceKey();

    List<ElementInstance> found =
        await(() -> client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items(), l -> l.size() == 2);

    assertThat(found)
        .extracting(ElementInstance::getElementId, ElementInstance::getType, ElementInstance::getState)
        .containsExactlyInAnyOrder(
            tuple("StartEvent_1", ElementInstanceType.START_EVENT, ElementInstanceState.COMPLETED),
            tuple("Task_Work", ElementInstanceType.SERVICE_TASK, ElementInstanceState.ACTIVE));
    ElementInstance task = found.stream().filter(e -> e.getElementId().equals("Task_Work")).findFirst().orElseThrow();
    ElementInstance fetched = client.newElementInstanceGetRequest(task.getElementInstanceKey()).send().join();
    assertThat(fetched.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(fetched.getIncident()).isFalse();
    assertThat(fetched.getEndDate()).isNull();
  }

  @Test
  void correlatedMessageSubscriptionsAreSearchedWithTheClient() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/message-intermediate-catch.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("message-intermediate-catch").latestVersion()
            .variables(Map.of("orderId", "o-5")).send().join().getProcessInstanceKey();
    await(() -> client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance).elementId("Event_PaymentReceived"))
        .send().join().items(), l -> !l.isEmpty());

    long messageKey = client.newPublishMessageCommand().messageName("payment-received").correlationKey("o-5").send().join().getMessageKey();

    List<CorrelatedMessageSubscription> correlated =
        await(() -> client.newCorrelatedMessageSubscriptionSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items(),
            l -> !l.isEmpty());
    assertThat(correlated).singleElement().satisfies(c -> {
      assertThat(c.getMessageKey()).isEqualTo(messageKey);
      assertThat(c.getElementId()).isEqualTo("Event_PaymentReceived");
      assertThat(c.getCorrelationKey()).isEqualTo("o-5");
    });
  }
}
