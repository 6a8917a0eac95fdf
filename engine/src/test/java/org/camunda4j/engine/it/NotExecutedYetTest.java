package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import org.junit.jupiter.api.Test;

/**
 * What Camunda 8.9 executes but this engine does not yet is refused at deployment, naming the
 * element, rather than deployed and silently skipped.
 */
class NotExecutedYetTest extends EngineScenario {

  @Test
  void aJobTypeOnAnElementThatCreatesNoJobIsRejectedRatherThanIgnored() {
    String detail =
        assertProblem(http.deploy(bpmn("invalid/task-definition-on-undefined-task.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Activity_Typed").contains("zeebe:taskDefinition");
  }
}
