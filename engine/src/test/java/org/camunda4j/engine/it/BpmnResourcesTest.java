package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario files are what Camunda Modeler 5 saves for Camunda 8.9: they parse and validate
 * with zeebe-bpmn-model, carry the Modeler markers, and every element has its diagram shape. Files
 * under {@code bpmn/malformed/} (not XML) and {@code bpmn/invalid/} (rejected by design) are broken
 * on purpose and skipped.
 */
class BpmnResourcesTest {

  static Stream<String> scenarioFiles() throws IOException, URISyntaxException {
    Path root = Path.of(BpmnResourcesTest.class.getClassLoader().getResource("bpmn").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      List<String> names =
          files.filter(p -> p.toString().endsWith(".bpmn"))
              .filter(p -> !root.relativize(p).startsWith("malformed"))
              .filter(p -> !root.relativize(p).startsWith("invalid"))
              .map(p -> "bpmn/" + root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void isAValidModelerFileForCamunda89(String resource) throws IOException {
    BpmnModelInstance model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      model = Bpmn.readModelFromStream(in);
    }
    Bpmn.validateModel(model);

    Definitions definitions = model.getDefinitions();
    assertThat(definitions.getExporter()).isEqualTo("Camunda Modeler");
    assertThat(definitions.getExporterVersion()).startsWith("5.");
    assertThat(definitions.getDomElement().getAttribute("http://camunda.org/schema/modeler/1.0", "executionPlatform"))
        .isEqualTo("Camunda Cloud");
    assertThat(definitions.getDomElement().getAttribute("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
        .isEqualTo("8.9.0");
    assertThat(new String(EngineHttp.readResource(resource), java.nio.charset.StandardCharsets.UTF_8))
        .contains("xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"");
    assertThat(model.getModelElementsByType(Process.class)).allSatisfy(p -> assertThat(p.isExecutable()).isTrue());

    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    model.getModelElementsByType(FlowNode.class)
        .forEach(node -> assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId()));
    model.getModelElementsByType(SequenceFlow.class)
        .forEach(flow -> assertThat(drawn).as("edge of %s", flow.getId()).contains(flow.getId()));
  }
}
