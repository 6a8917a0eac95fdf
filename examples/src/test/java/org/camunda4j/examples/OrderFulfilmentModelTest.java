package org.camunda4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's model is what Camunda Modeler 5 saves for Camunda 8.9: valid, executable, fully drawn. */
class OrderFulfilmentModelTest {

  private static final String MODELER = "http://camunda.org/schema/modeler/1.0";

  @Test
  void isAModelerFileWithACompleteDiagram() throws IOException {
    BpmnModelInstance model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(Demo.MODEL)) {
      model = Bpmn.readModelFromStream(in);
    }
    Bpmn.validateModel(model);

    Definitions definitions = model.getDefinitions();
    assertThat(definitions.getExporter()).isEqualTo("Camunda Modeler");
    assertThat(definitions.getExporterVersion()).startsWith("5.");
    assertThat(definitions.getDomElement().getAttribute(MODELER, "executionPlatform")).isEqualTo("Camunda Cloud");
    assertThat(definitions.getDomElement().getAttribute(MODELER, "executionPlatformVersion")).isEqualTo("8.9.0");

    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    model.getModelElementsByType(FlowNode.class)
        .forEach(node -> assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId()));
    model.getModelElementsByType(SequenceFlow.class)
        .forEach(flow -> assertThat(drawn).as("edge of %s", flow.getId()).contains(flow.getId()));
  }

  @Test
  void containsEveryStageOfTheDesign() {
    assertThat(ProcessFeatures.of(Demo.MODEL)).isEqualTo(new ProcessFeatures(true, true, true));
  }
}
