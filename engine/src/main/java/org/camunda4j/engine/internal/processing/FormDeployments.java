package org.camunda4j.engine.internal.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda4j.engine.internal.model.DeploymentException;
import org.camunda4j.engine.internal.record.EngineEvent.FormDeployed;
import org.camunda4j.engine.internal.state.DeployedForm;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Deploys Camunda forms ({@code .form}), which user tasks link with {@code zeebe:formDefinition
 * formId}. The engine only keeps them: it gives a linked task its form's key.
 */
final class FormDeployments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormDeployments() {}

  /** A form read and checked, not yet deployed. */
  record ParsedForm(String resourceName, String formId, String schema, String checksum) {}

  static boolean isForm(String resourceName) {
    return resourceName.toLowerCase().endsWith(".form");
  }

  static ParsedForm parse(DeploymentResource resource) throws DeploymentException {
    JsonNode tree;
    try {
      tree = JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new DeploymentException("'" + resource.name() + "' is not a valid form: it is not JSON");
    }
    String formId = tree == null ? null : tree.path("id").asText(null);
    if (formId == null || formId.isBlank()) {
      throw new DeploymentException("'" + resource.name() + "' is not a valid form: it has no 'id'");
    }
    return new ParsedForm(resource.name(), formId, new String(resource.content(), StandardCharsets.UTF_8), checksum(resource.content()));
  }

  /** Deploys each form as a new version, unless its latest version has the same content. */
  static List<DeployedForm> deploy(ProcessingContext ctx, EngineState state, List<ParsedForm> forms, String tenantId, long deploymentKey) {
    List<DeployedForm> deployed = new ArrayList<>();
    for (ParsedForm form : forms) {
      Optional<DeployedForm> latest = state.forms().latest(form.formId(), tenantId);
      if (latest.isPresent() && latest.get().checksum().equals(form.checksum())) {
        deployed.add(latest.get());
        continue;
      }
      DeployedForm next =
          new DeployedForm(
              state.nextKey(), form.formId(), latest.map(f -> f.version() + 1).orElse(1), form.resourceName(), tenantId, deploymentKey,
              form.checksum(), form.schema());
      ctx.emit(new FormDeployed(next));
      deployed.add(next);
    }
    return deployed;
  }

  private static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
