package org.camunda4j.sdk;

import java.util.ArrayList;
import java.util.List;

/**
 * A process instance migration ({@code POST /process-instances/{key}/migration}): the process
 * definition to move the instance to, and for each active element (and each catch event whose wait
 * should be kept) the element of the target it becomes. Built with {@link #to(long)} and {@link
 * #map(String, String)}.
 */
public record ProcessInstanceMigrationRequest(long targetProcessDefinitionKey, List<MappingInstruction> mappingInstructions) {

  /** An element of the instance's process definition and the element of the target it becomes. */
  public record MappingInstruction(String sourceElementId, String targetElementId) {

    public MappingInstruction {
      if (sourceElementId == null || sourceElementId.isBlank() || targetElementId == null || targetElementId.isBlank()) {
        throw new IllegalArgumentException("a mapping instruction needs a sourceElementId and a targetElementId");
      }
    }
  }

  public ProcessInstanceMigrationRequest {
    if (targetProcessDefinitionKey <= 0) {
      throw new IllegalArgumentException("a migration needs the key of the target process definition, was " + targetProcessDefinitionKey);
    }
    mappingInstructions = List.copyOf(mappingInstructions);
  }

  /** A migration to this process definition, with no mapping yet. */
  public static ProcessInstanceMigrationRequest to(long targetProcessDefinitionKey) {
    return new ProcessInstanceMigrationRequest(targetProcessDefinitionKey, List.of());
  }

  /** This request with one more mapping instruction. */
  public ProcessInstanceMigrationRequest map(String sourceElementId, String targetElementId) {
    List<MappingInstruction> mappings = new ArrayList<>(mappingInstructions);
    mappings.add(new MappingInstruction(sourceElementId, targetElementId));
    return new ProcessInstanceMigrationRequest(targetProcessDefinitionKey, mappings);
  }
}
