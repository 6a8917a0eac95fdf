package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Escalations: thrown by intermediate throw and end events, caught outwards by boundary events and
 * event sub-processes (interrupting or not, by code or catch-all), across call activities; an
 * uncaught escalation is no incident.
 */
class EscalationEventsTest extends EngineScenario {

  @Test
  void anInterruptingEscalationBoundaryEndsTheSubProcessAndTakesItsOwnFlow() {
    http.deployOk(bpmn("escalation-boundary-interrupting.bpmn"));
    String instance = http.createInstance("escalation-boundary-interrupting");

    http.completeNext("handle-late", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("deliver")).as("the throw event was ended with its sub-process").isEmpty();
  }

  @Test
  void aNonInterruptingEscalationBoundaryRunsBesideTheSubProcessWhichGoesOn() {
    http.deployOk(bpmn("escalation-boundary-non-interrupting.bpmn"));
    String instance = http.createInstance("escalation-boundary-non-interrupting");

    JsonNode handle = http.activateOne("handle-late");
    JsonNode deliver = http.activateOne("deliver");
    http.completeJob(handle.path("jobKey").asText(), Map.of());
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
    http.completeJob(deliver.path("jobKey").asText(), Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aCatchAllEscalationEventSubProcessInterruptsTheProcess() {
    http.deployOk(bpmn("escalation-event-subprocess-catch-all.bpmn"));
    String instance = http.createInstance("escalation-event-subprocess-catch-all");

    http.completeNext("esp-work", Map.of());
    http.completeNext("esp-handle", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("esp-after")).as("the main flow was interrupted").isEmpty();
  }

  @Test
  void aNonInterruptingEscalationEventSubProcessLetsTheEscalationEndEventComplete() {
    http.deployOk(bpmn("escalation-event-subprocess-non-interrupting.bpmn"));
    String instance = http.createInstance("escalation-event-subprocess-non-interrupting");

    http.completeNext("esp-work", Map.of());

    JsonNode after = http.activateOne("esp-after");
    http.completeNext("esp-handle", Map.of());
    http.completeJob(after.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anUncaughtEscalationRaisesNoIncidentAndTheFlowGoesOn() {
    http.deployOk(bpmn("escalation-uncaught.bpmn"));
    String instance = http.createInstance("escalation-uncaught");

    http.completeNext("after-uncaught", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.incidentsOf(instance)).isEmpty();
  }

  @Test
  void anEscalationFromACalledProcessIsCaughtAtTheCallActivity() {
    http.deployOk(bpmn("escalation-child.bpmn"));
    http.deployOk(bpmn("escalation-call-parent.bpmn"));
    String parent = http.createInstance("escalation-call-parent");

    http.completeNext("parent-handles", Map.of());

    http.awaitInstanceState(parent, "COMPLETED");
    JsonNode child = http.search("process-instances", Map.of("filter", Map.of("processDefinitionId", "escalation-child"))).getFirst();
    assertThat(child.path("state").asText()).as("the interrupted child").isEqualTo("TERMINATED");
  }
}
