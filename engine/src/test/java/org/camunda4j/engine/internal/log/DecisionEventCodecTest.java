package org.camunda4j.engine.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.dmn.DecisionOutcome;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.EvaluatedDecision;
import org.camunda4j.engine.internal.dmn.DecisionType;
import org.camunda4j.engine.internal.dmn.DmnDecisions;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.record.EngineEvent.DecisionEvaluated;
import org.camunda4j.engine.internal.state.DecisionInstance;
import org.camunda4j.engine.internal.state.DeployedDecision;
import org.junit.jupiter.api.Test;

/**
 * A decision instance carries values of any JSON shape (a decision's output, the inputs it saw, the
 * outputs of its matched rules). Evaluated by the DMN engine for real, they survive the log: read
 * back, they mean the same JSON, and writing them again gives the same bytes.
 */
class DecisionEventCodecTest {

  private static final EventCodec CODEC = new EventCodec(new BpmnTransformer(new Feel(System::currentTimeMillis)));
  private static final DmnDecisions DMN = new DmnDecisions(System::currentTimeMillis);

  @Test
  void aCollectTableWithADecimalInputReadsBackAsTheSameJson() throws IOException {
    DecisionEvaluated event = evaluated("checks", Map.of("amount", 1500.25, "country", "FR"));

    DecisionEvaluated read = roundTrip(event);

    DecisionInstance instance = read.instances().get(0);
    assertThat(instance.output()).isEqualTo(List.of("fraud", "export", "stock"));
    assertThat(instance.inputs()).extracting(DecisionOutcome.EvaluatedInput::value).containsExactly(1500.25, "FR");
    assertThat(instance.matchedRules()).extracting(DecisionOutcome.MatchedRule::ruleIndex).containsExactly(1, 2, 3);
    assertThat(CODEC.write(read)).isEqualTo(CODEC.write(event));
  }

  @Test
  void aRuleOrderTableWithTwoOutputsReadsBackAsAListOfContexts() throws IOException {
    DecisionEvaluated event = evaluated("routing", Map.of("channel", "phone"));

    DecisionEvaluated read = roundTrip(event);

    assertThat(read.instances().get(0).output())
        .isEqualTo(List.of(Map.of("team", "hotline", "priority", 1), Map.of("team", "backoffice", "priority", 3)));
    assertThat(read.instances().get(0).matchedRules().get(1).outputs())
        .extracting(DecisionOutcome.EvaluatedOutput::value)
        .containsExactly("backoffice", 3);
    assertThat(CODEC.write(read)).isEqualTo(CODEC.write(event));
  }

  @Test
  void aFailedEvaluationKeepsItsMessageAndANullOutput() throws IOException {
    // three rules match where the table allows one: the evaluation fails
    DecisionEvaluated event = evaluated(orderChecks().replace("hitPolicy=\"COLLECT\"", "hitPolicy=\"UNIQUE\""), "checks", Map.of("amount", 1500, "country", "FR"));

    DecisionEvaluated read = roundTrip(event);

    assertThat(read.instances().get(0).state()).isEqualTo("FAILED");
    assertThat(read.instances().get(0).output()).isNull();
    assertThat(read.instances().get(0).evaluationFailure())
        .contains("Expected to evaluate decision 'checks'")
        .isEqualTo(event.instances().get(0).evaluationFailure());
    assertThat(CODEC.write(read)).isEqualTo(CODEC.write(event));
  }

  private static DecisionEvaluated roundTrip(DecisionEvaluated event) {
    String written = new String(CODEC.write(event), StandardCharsets.UTF_8);
    assertThat(written).contains("\"@type\":\"DecisionEvaluated\"");
    return (DecisionEvaluated) CODEC.read(written.getBytes(StandardCharsets.UTF_8));
  }

  private static String orderChecks() throws IOException {
    try (InputStream in = DecisionEventCodecTest.class.getResourceAsStream("/dmn/order-checks.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static DecisionEvaluated evaluated(String decisionId, Map<String, Object> variables) throws IOException {
    return evaluated(orderChecks(), decisionId, variables);
  }

  private static DecisionEvaluated evaluated(String xml, String decisionId, Map<String, Object> variables) {
    DecisionOutcome outcome = DMN.evaluate(2251799813685300L, xml, decisionId, variables);
    DeployedDecision decision =
        new DeployedDecision(
            2251799813685301L, decisionId, decisionId, 1, null, DecisionType.DECISION_TABLE, 2251799813685300L, "order-checks",
            "<default>", 2251799813685299L);
    List<DecisionInstance> instances = new ArrayList<>();
    for (EvaluatedDecision one : outcome.evaluatedDecisions()) {
      instances.add(
          new DecisionInstance(
              "2251799813685302-" + (instances.size() + 1), 2251799813685302L, outcome.failed() ? "FAILED" : "EVALUATED",
              outcome.failureMessage(), 1_767_225_600_000L, decision, -1, -1, -1, -1, decision.key(), one.output(), one.inputs(),
              one.matchedRules()));
    }
    assertThat(instances).isNotEmpty();
    return new DecisionEvaluated(2251799813685302L, List.copyOf(instances));
  }
}
