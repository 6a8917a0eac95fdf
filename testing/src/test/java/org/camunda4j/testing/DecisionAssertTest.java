package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda4j.testing.CamundaAssertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Test;

/** Asserting on the decisions a business rule task evaluated, required decisions included. */
@CamundaTest(deploy = {"dinner-plan.bpmn", "dinner.dmn"})
class DecisionAssertTest {

  private static final Duration SHORT = Duration.ofMillis(300);

  CamundaTestContext camunda;

  @Test
  void theCalledDecisionAndTheDecisionItRequiresAreEvaluatedWithTheirResults() {
    ProcessInstanceCreationResult instance = camunda.startInstance("dinner-plan", Map.of("month", 4, "guestCount", 3));

    assertThat(instance)
        .hasEvaluatedDecision("season", "Spring")
        .hasEvaluatedDecision("dish", "Steak")
        .hasVariable("dish", "Steak");
  }

  @Test
  void failuresSayWhichDecisionsWereEvaluatedAndToWhat() {
    ProcessInstanceCreationResult instance = camunda.startInstance("dinner-plan", Map.of("month", 8, "guestCount", 3));

    assertThat(instance).hasEvaluatedDecision("dish");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).hasEvaluatedDecision("dish", "Steak"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have evaluated decision 'dish' to \"Steak\"")
        .hasMessageContaining("dish EVALUATED = \"Light salad\"");
    assertThatThrownBy(() -> assertThat(instance).within(SHORT).hasEvaluatedDecision("dessert"))
        .hasMessageContaining("to have evaluated decision 'dessert', but it evaluated [season EVALUATED = \"Summer\", dish EVALUATED = \"Light salad\"]");
  }
}
