package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Call activities (issue 5 §4): child instances, variables in and out, errors, cancellation. */
class CallActivityTest extends EngineScenario {

  @Test
  void aCallActivityStartsTheChildWhichSeesTheParentsVariablesAndReportsItsOwnBack() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    String parent = http.createInstance("call-activity-parent", Map.of("orderId", "o-1"));

    JsonNode childJob = http.activateOne("child-work");
    assertThat(childJob.path("processDefinitionId").asText()).isEqualTo("call-activity-child");
    assertThat(childJob.path("variables").path("orderId").asText()).isEqualTo("o-1");
    assertThat(childJob.path("rootProcessInstanceKey").asText()).isEqualTo(parent);
    String child = childJob.path("processInstanceKey").asText();
    JsonNode childInstance = http.getInstance(child);
    assertThat(childInstance.path("parentProcessInstanceKey").asText()).isEqualTo(parent);
    Keys.assertKey(childInstance.path("parentElementInstanceKey"));
    http.completeJob(childJob.path("jobKey").asText(), Map.of("childResult", "ok"));

    assertThat(http.activateOne("after-call").path("variables").path("childResult").asText()).isEqualTo("ok");
    http.awaitInstanceState(child, "COMPLETED");
  }

  @Test
  void childInstancesAreFoundByTheirParentAndTheirIncidentsNameTheRoot() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    String parent = http.createInstance("call-activity-parent");
    JsonNode childJob = http.activateOne("child-work");
    String child = childJob.path("processInstanceKey").asText();

    assertThat(http.search("process-instances", Map.of("filter", Map.of("parentProcessInstanceKey", parent))))
        .extracting(i -> i.path("processInstanceKey").asText())
        .containsExactly(child);
    assertThat(http.getInstance(child).path("rootProcessInstanceKey").asText()).isEqualTo(parent);

    http.post("/jobs/" + childJob.path("jobKey").asText() + "/failure", Map.of("retries", 0));

    JsonNode incident = http.awaitActiveIncident(child);
    assertThat(incident.path("processDefinitionId").asText()).isEqualTo("call-activity-child");
    assertThat(incident.path("rootProcessInstanceKey").asText()).isEqualTo(parent);
  }

  @Test
  void theLatestVersionOfTheChildIsCalledAtTheTimeTheCallActivityIsReached() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    http.createInstance("call-activity-parent");
    JsonNode v1Job = http.activateOne("child-work");
    assertThat(v1Job.path("processDefinitionVersion").asInt()).isEqualTo(1);

    http.deployOk(bpmn("call-activity-child-v2.bpmn"));
    http.createInstance("call-activity-parent");

    JsonNode v2Job = http.activateOne("child-work-v2");
    assertThat(v2Job.path("processDefinitionId").asText()).isEqualTo("call-activity-child");
    assertThat(v2Job.path("processDefinitionVersion").asInt()).isEqualTo(2);
  }

  @Test
  void theCalledProcessIdCanComeFromFeel() {
    http.deployOk(bpmn("call-activity-feel-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    http.createInstance("call-activity-feel-parent", Map.of("childProcessId", "call-activity-child"));

    assertThat(http.activateOne("child-work").path("processDefinitionId").asText()).isEqualTo("call-activity-child");
  }

  @Test
  void mappingsChooseWhatGoesInAndWhatComesBack() {
    http.deployOk(bpmn("call-activity-mapped-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    http.createInstance("call-activity-mapped-parent", Map.of("order", Map.of("id", "o-2")));

    JsonNode childJob = http.activateOne("child-work");
    assertThat(childJob.path("variables").path("orderId").asText()).isEqualTo("o-2");
    http.completeJob(childJob.path("jobKey").asText(), Map.of("childResult", "ok", "childNoise", "x"));

    JsonNode variables = http.activateOne("after-call").path("variables");
    assertThat(variables.path("resultFromChild").asText()).isEqualTo("ok");
    assertThat(variables.has("childResult")).isFalse();
    assertThat(variables.has("childNoise")).isFalse();
  }

  @Test
  void anErrorThrownInTheChildIsCaughtOnTheCallActivityInTheParent() {
    http.deployOk(bpmn("call-activity-error-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    String parent = http.createInstance("call-activity-error-parent");
    JsonNode childJob = http.activateOne("child-work");

    http.post("/jobs/" + childJob.path("jobKey").asText() + "/error", Map.of("errorCode", "CHILD_FAILED"));

    assertThat(http.activateOne("handle-child-failure").path("processInstanceKey").asText()).isEqualTo(parent);
    http.awaitInstanceState(childJob.path("processInstanceKey").asText(), "TERMINATED");
  }

  @Test
  void cancellingTheParentCancelsTheChild() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    String parent = http.createInstance("call-activity-parent");
    String child = http.activateOne("child-work").path("processInstanceKey").asText();

    http.post("/process-instances/" + parent + "/cancellation", Map.of());

    http.awaitInstanceState(child, "TERMINATED");
    http.awaitInstanceState(parent, "TERMINATED");
  }

  @Test
  void cancellingTheChildDirectlyIsRejected() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    http.createInstance("call-activity-parent");
    String child = http.activateOne("child-work").path("processInstanceKey").asText();

    assertProblem(http.post("/process-instances/" + child + "/cancellation", Map.of()), 409, "INVALID_STATE");
  }

  @Test
  void aMissingCalledProcessRaisesACalledElementIncident() {
    http.deployOk(bpmn("call-activity-parent.bpmn"));
    String parent = http.createInstance("call-activity-parent");

    assertThat(http.awaitActiveIncident(parent).path("errorType").asText()).isEqualTo("CALLED_ELEMENT_ERROR");
  }
}
