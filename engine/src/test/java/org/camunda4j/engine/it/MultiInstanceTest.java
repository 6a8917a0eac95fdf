package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-instance (issue 5 §5): parallel and sequential, collections, completion condition. */
class MultiInstanceTest extends EngineScenario {

  @Test
  void aParallelMultiInstanceTaskRunsOneJobPerItemAtOnceAndCollectsTheResultsInInputOrder() {
    http.deployOk(bpmn("multi-instance-parallel.bpmn"));
    http.createInstance("multi-instance-parallel", Map.of("items", List.of("a", "b", "c")));
    http.awaitJobCount("process-item", 3);

    List<JsonNode> jobs = http.activateJobs("process-item", 10);
    assertThat(jobs).extracting(j -> j.path("variables").path("item").asText()).containsExactlyInAnyOrder("a", "b", "c");
    for (JsonNode job : jobs.reversed()) {
      http.completeJob(job.path("jobKey").asText(), Map.of("result", job.path("variables").path("item").asText().toUpperCase()));
    }

    JsonNode after = http.activateOne("after-all");
    assertThat(after.path("variables").path("results")).extracting(JsonNode::asText).containsExactly("A", "B", "C");
    assertThat(after.path("variables").has("item")).as("the input element is local to each instance").isFalse();
  }

  @Test
  void aSequentialMultiInstanceTaskRunsOneItemAfterAnother() {
    http.deployOk(bpmn("multi-instance-sequential.bpmn"));
    http.createInstance("multi-instance-sequential", Map.of("items", List.of("a", "b", "c")));

    for (String expected : List.of("a", "b", "c")) {
      List<JsonNode> jobs = http.activateJobs("process-item", 10);
      assertThat(jobs).hasSize(1);
      JsonNode job = jobs.getFirst();
      assertThat(job.path("variables").path("item").asText()).isEqualTo(expected);
      assertThat(job.path("variables").path("loopCounter").asInt()).isEqualTo(List.of("a", "b", "c").indexOf(expected) + 1);
      http.completeJob(job.path("jobKey").asText(), Map.of("result", expected + "!"));
    }

    assertThat(http.activateOne("after-all").path("variables").path("results"))
        .extracting(JsonNode::asText)
        .containsExactly("a!", "b!", "c!");
  }

  @Test
  void theCompletionConditionEndsTheMultiInstanceEarly() {
    http.deployOk(bpmn("multi-instance-completion-condition.bpmn"));
    http.createInstance("multi-instance-completion-condition", Map.of("items", List.of(1, 2, 3)));
    http.awaitJobCount("process-item", 3);
    List<JsonNode> jobs = http.activateJobs("process-item", 10);

    http.completeJob(jobs.get(0).path("jobKey").asText(), Map.of("result", 1));
    http.completeJob(jobs.get(1).path("jobKey").asText(), Map.of("result", 2));

    http.activateOne("after-all");
    assertThat(http.post("/jobs/" + jobs.get(2).path("jobKey").asText() + "/completion", Map.of()).status())
        .as("the remaining instance was cancelled")
        .isEqualTo(404);
  }

  @Test
  void anEmptyInputCollectionSkipsStraightOn() {
    http.deployOk(bpmn("multi-instance-parallel.bpmn"));
    http.createInstance("multi-instance-parallel", Map.of("items", List.of()));

    assertThat(http.activateOne("after-all").path("variables").path("results")).isEmpty();
  }

  @Test
  void aMultiInstanceSubProcessRunsItsContentsPerItem() {
    http.deployOk(bpmn("multi-instance-subprocess.bpmn"));
    http.createInstance("multi-instance-subprocess", Map.of("items", List.of("x", "y")));
    http.awaitJobCount("handle-item", 2);

    for (JsonNode job : http.activateJobs("handle-item", 10)) {
      http.completeJob(job.path("jobKey").asText(), Map.of("result", job.path("variables").path("item").asText()));
    }

    assertThat(http.activateOne("after-all").path("variables").path("results")).extracting(JsonNode::asText).containsExactly("x", "y");
  }

  @Test
  void aMultiInstanceCallActivityStartsOneChildPerItem() {
    http.deployOk(bpmn("multi-instance-call-activity.bpmn"), bpmn("call-activity-child.bpmn"));
    http.createInstance("multi-instance-call-activity", Map.of("items", List.of("x", "y")));
    http.awaitJobCount("child-work", 2);

    List<JsonNode> jobs = http.activateJobs("child-work", 10);
    assertThat(jobs).extracting(j -> j.path("processInstanceKey").asText()).doesNotHaveDuplicates().hasSize(2);
    for (JsonNode job : jobs) {
      http.completeJob(job.path("jobKey").asText(), Map.of("result", job.path("variables").path("item").asText()));
    }

    assertThat(http.activateOne("after-all").path("variables").path("results")).extracting(JsonNode::asText).containsExactly("x", "y");
  }
}
