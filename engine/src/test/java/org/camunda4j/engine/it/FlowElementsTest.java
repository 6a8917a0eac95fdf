package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * None start/end events, terminate end events, parallel fork/join, embedded sub-processes, and data
 * objects and data stores, which deploy and do nothing at runtime.
 */
class FlowElementsTest extends EngineScenario {

  @Test
  void dataObjectsAndDataStoresDeployAndAreIgnoredAtRuntime() {
    http.deployOk(bpmn("data-objects.bpmn"));
    String instance = http.createInstance("data-objects");

    http.completeNext("record-order", Map.of("orderId", "o-1"));

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.elementInstancesOf(instance).stream().map(e -> e.path("elementId").asText()))
        .as("data objects and stores are no element instances")
        .doesNotContain("DataObjectReference_Order", "DataObject_Order", "DataStoreReference_Archive", "DataObjectReference_Receipt");
  }

  @Test
  void aProcessFromNoneStartToNoneEndCompletesOnItsOwn() {
    http.deployOk(bpmn("start-end.bpmn"));

    String instance = http.createInstance("start-end");

    JsonNode completed = http.awaitInstanceState(instance, "COMPLETED");
    assertThat(completed.path("endDate").isTextual()).as("endDate of a completed instance").isTrue();
  }

  @Test
  void aParallelGatewayForksIntoBothBranchesAndJoinsOnlyWhenBothArrive() {
    http.deployOk(bpmn("parallel-fork-join.bpmn"));
    String instance = http.createInstance("parallel-fork-join");

    JsonNode pack = http.activateOne("pack");
    JsonNode bill = http.activateOne("bill");
    assertThat(pack.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(bill.path("processInstanceKey").asText()).isEqualTo(instance);

    http.completeJob(pack.path("jobKey").asText(), Map.of());
    assertThat(http.activateNow("ship")).as("the join waits for the second branch").isEmpty();

    http.completeJob(bill.path("jobKey").asText(), Map.of());
    http.completeNext("ship", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aTerminateEndEventCompletesTheInstanceAndCancelsTheOtherBranch() {
    http.deployOk(bpmn("terminate-end-event.bpmn"));
    String instance = http.createInstance("terminate-end-event");
    JsonNode slow = http.activateOne("slow");

    http.completeNext("fast", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    String detail =
        assertProblem(http.post("/jobs/" + slow.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
    assertThat(detail).contains(slow.path("jobKey").asText());
  }

  @Test
  void aSubProcessCompletesOnlyWhenEveryBranchInsideHasEnded() {
    http.deployOk(bpmn("embedded-subprocess-parallel-ends.bpmn"));
    String instance = http.createInstance("embedded-subprocess-parallel-ends");
    JsonNode left = http.activateOne("left-work");
    JsonNode right = http.activateOne("right-work");

    http.completeJob(left.path("jobKey").asText(), Map.of());
    assertThat(http.activateNow("after-sub")).as("the right branch is still running").isEmpty();
    http.completeJob(right.path("jobKey").asText(), Map.of());

    http.completeNext("after-sub", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aTerminateEndEventInsideASubProcessEndsOnlyTheSubProcess() {
    http.deployOk(bpmn("terminate-end-event-in-subprocess.bpmn"));
    String instance = http.createInstance("terminate-end-event-in-subprocess");
    JsonNode slow = http.activateOne("slow");

    http.completeNext("fast", Map.of());

    assertThat(http.activateOne("after-sub").path("processInstanceKey").asText())
        .as("the flow goes on after the sub-process")
        .isEqualTo(instance);
    assertProblem(http.post("/jobs/" + slow.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void anEmbeddedSubProcessRunsItsContentsWithItsOwnLocalsAndCompletesAtItsEnd() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String instance = http.createInstance("embedded-subprocess", Map.of("customer", "Ada"));

    JsonNode inner = http.activateOne("inner-work");
    assertThat(inner.path("elementId").asText()).isEqualTo("Task_Inner");
    assertThat(inner.path("variables").path("subLocal").asText()).isEqualTo("inside");
    assertThat(inner.path("variables").path("customer").asText()).isEqualTo("Ada");
    assertThat(http.activateNow("after-sub")).as("the sub-process is still running").isEmpty();

    http.completeJob(inner.path("jobKey").asText(), Map.of());

    JsonNode after = http.activateOne("after-sub");
    assertThat(after.path("variables").has("subLocal")).as("the sub-process local does not leak out").isFalse();
    assertThat(after.path("variables").path("customer").asText()).isEqualTo("Ada");
    http.completeJob(after.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }
}
