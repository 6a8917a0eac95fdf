package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DMN with the official Java client: deploy a graph, evaluate a decision, read what was recorded. */
class OfficialClientDecisionTest extends OfficialClientScenario {

  @Test
  void theClientDeploysADmnFileAndEvaluatesADecisionWithItsRequiredDecision() {
    DeploymentEvent deployment = client.newDeployResourceCommand().addResourceFromClasspath("dmn/dinner.dmn").send().join();

    assertThat(deployment.getDecisions()).extracting(d -> d.getDmnDecisionId()).containsExactly("dish", "season");
    assertThat(deployment.getDecisionRequirements()).singleElement()
        .satisfies(graph -> {
          assertThat(graph.getDmnDecisionRequirementsId()).isEqualTo("dinner");
          assertThat(graph.getResourceName()).isEqualTo("dmn/dinner.dmn"); // the client names a resource by its classpath path
          assertThat(graph.getVersion()).isEqualTo(1);
        });
    long dishKey = deployment.getDecisions().getFirst().getDecisionKey();

    EvaluateDecisionResponse result =
        client.newEvaluateDecisionCommand().decisionId("dish").variables(Map.of("month", 10, "guestCount", 6)).send().join();

    assertThat(result.getDecisionKey()).isEqualTo(dishKey);
    assertThat(result.getDecisionOutput()).isEqualTo("\"Steak\"");
    assertThat(result.getFailureMessage()).isNull();
    List<EvaluatedDecision> evaluated = result.getEvaluatedDecisions();
    assertThat(evaluated).extracting(EvaluatedDecision::getDecisionId).containsExactly("season", "dish");
    assertThat(evaluated.get(0).getDecisionOutput()).isEqualTo("\"Fall\"");
    assertThat(evaluated.get(1).getMatchedRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getRuleId()).isEqualTo("Rule_SpringFall");
      assertThat(rule.getRuleIndex()).isEqualTo(4);
      assertThat(rule.getEvaluatedOutputs()).singleElement().satisfies(o -> assertThat(o.getOutputValue()).isEqualTo("\"Steak\""));
    });
    assertThat(evaluated.get(1).getEvaluatedInputs()).extracting(i -> i.getInputName()).containsExactly("Season", "How many guests");

    List<DecisionInstance> instances =
        client.newDecisionInstanceSearchRequest().filter(f -> f.decisionDefinitionId("dish")).send().join().items();
    assertThat(instances).singleElement().satisfies(instance -> {
      assertThat(instance.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
      assertThat(instance.getResult()).isEqualTo("\"Steak\"");
      assertThat(instance.getDecisionDefinitionKey()).isEqualTo(dishKey);
    });
    DecisionInstance detailed = client.newDecisionInstanceGetRequest(evaluated.get(1).getDecisionEvaluationInstanceKey()).send().join();
    assertThat(detailed.getMatchedRules()).extracting(r -> r.getRuleId()).containsExactly("Rule_SpringFall");

    assertThat(client.newDecisionDefinitionGetRequest(dishKey).send().join().getDmnDecisionRequirementsId()).isEqualTo("dinner");
    assertThat(client.newDecisionDefinitionGetXmlRequest(dishKey).send().join()).contains("<decision id=\"dish\" name=\"Dish\">");
  }

  @Test
  void aBusinessRuleTaskStartedByTheClientRecordsItsDecisionInstances() {
    client.newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/business-rule-dish.bpmn")
        .addResourceFromClasspath("dmn/dinner.dmn")
        .send()
        .join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("business-rule-dish").latestVersion()
            .variables(Map.of("month", 2, "guestCount", 20)).send().join().getProcessInstanceKey();

    var jobs = client.newActivateJobsCommand().jobType("business-rule-dish-act").maxJobsToActivate(1).send().join().getJobs();

    assertThat(jobs).singleElement().satisfies(job -> assertThat(job.getVariablesAsMap()).containsEntry("dish", "Stew"));
    assertThat(client.newDecisionInstanceSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items())
        .extracting(DecisionInstance::getDecisionDefinitionId)
        .containsExactly("season", "dish");
  }
}
