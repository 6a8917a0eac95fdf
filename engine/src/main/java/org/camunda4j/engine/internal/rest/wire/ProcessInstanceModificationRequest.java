package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/process-instances/{processInstanceKey}/modification} (8.9). Keys are
 * decimal strings; an {@code ancestorElementInstanceKey} of "-1" (or none) means "the live instance
 * of the element's flow scope".
 */
public record ProcessInstanceModificationRequest(
    Long operationReference,
    List<ActivateInstruction> activateInstructions,
    List<MoveInstruction> moveInstructions,
    List<TerminateInstruction> terminateInstructions)
    implements Validatable {

  public record VariableInstruction(Map<String, Object> variables, String scopeId) {}

  public record ActivateInstruction(String elementId, String ancestorElementInstanceKey, List<VariableInstruction> variableInstructions) {}

  /** By {@code elementInstanceKey}, or every active instance of {@code elementId}. */
  public record TerminateInstruction(String elementInstanceKey, String elementId) {}

  /** {@code sourceType} "byId" with {@code sourceElementId}, or "byKey" with {@code sourceElementInstanceKey}. */
  public record SourceElementInstruction(String sourceType, String sourceElementId, String sourceElementInstanceKey) {}

  /** {@code ancestorScopeType} "direct" (with the key), "inferred" or "sourceParent". */
  public record AncestorScopeInstruction(String ancestorScopeType, String ancestorElementInstanceKey) {}

  public record MoveInstruction(
      SourceElementInstruction sourceElementInstruction,
      String targetElementId,
      AncestorScopeInstruction ancestorScopeInstruction,
      List<VariableInstruction> variableInstructions) {}

  private static final Set<String> SOURCE_TYPES = Set.of("byId", "byKey");
  private static final Set<String> ANCESTOR_TYPES = Set.of("direct", "inferred", "sourceParent");

  public List<ActivateInstruction> activations() {
    return activateInstructions == null ? List.of() : activateInstructions;
  }

  public List<MoveInstruction> moves() {
    return moveInstructions == null ? List.of() : moveInstructions;
  }

  public List<TerminateInstruction> terminations() {
    return terminateInstructions == null ? List.of() : terminateInstructions;
  }

  @Override
  public void validate() {
    Violations violations = new Violations();
    violations.operationReference(operationReference);
    for (int i = 0; i < activations().size(); i++) {
      ActivateInstruction a = activations().get(i);
      String name = "activateInstructions[" + i + "]";
      if (a == null) {
        violations.add("No " + name + " provided");
        continue;
      }
      violations.required(name + ".elementId", a.elementId()).key(name + ".ancestorElementInstanceKey", a.ancestorElementInstanceKey());
      variables(violations, name, a.variableInstructions());
    }
    for (int i = 0; i < moves().size(); i++) {
      MoveInstruction m = moves().get(i);
      String name = "moveInstructions[" + i + "]";
      if (m == null) {
        violations.add("No " + name + " provided");
        continue;
      }
      violations.required(name + ".targetElementId", m.targetElementId());
      SourceElementInstruction source = m.sourceElementInstruction();
      if (source == null) {
        violations.add("No " + name + ".sourceElementInstruction provided");
      } else if (!SOURCE_TYPES.contains(source.sourceType())) {
        violations.add("The value for " + name + ".sourceElementInstruction.sourceType is '" + source.sourceType() + "' but must be one of " + SOURCE_TYPES);
      } else if (source.sourceType().equals("byId")) {
        violations.required(name + ".sourceElementInstruction.sourceElementId", source.sourceElementId());
      } else {
        violations
            .required(name + ".sourceElementInstruction.sourceElementInstanceKey", source.sourceElementInstanceKey())
            .key(name + ".sourceElementInstruction.sourceElementInstanceKey", source.sourceElementInstanceKey());
      }
      AncestorScopeInstruction ancestor = m.ancestorScopeInstruction();
      if (ancestor != null) {
        if (!ANCESTOR_TYPES.contains(ancestor.ancestorScopeType())) {
          violations.add("The value for " + name + ".ancestorScopeInstruction.ancestorScopeType is '" + ancestor.ancestorScopeType()
              + "' but must be one of " + ANCESTOR_TYPES);
        } else if (ancestor.ancestorScopeType().equals("direct")) {
          violations
              .required(name + ".ancestorScopeInstruction.ancestorElementInstanceKey", ancestor.ancestorElementInstanceKey())
              .key(name + ".ancestorScopeInstruction.ancestorElementInstanceKey", ancestor.ancestorElementInstanceKey());
        }
      }
      variables(violations, name, m.variableInstructions());
    }
    for (int i = 0; i < terminations().size(); i++) {
      TerminateInstruction t = terminations().get(i);
      String name = "terminateInstructions[" + i + "]";
      if (t == null || (t.elementInstanceKey() == null && (t.elementId() == null || t.elementId().isBlank()))) {
        violations.add("No " + name + ".elementInstanceKey or " + name + ".elementId provided");
      } else if (t.elementInstanceKey() != null && t.elementId() != null) {
        violations.add("Only one of [" + name + ".elementInstanceKey, " + name + ".elementId] is allowed");
      } else {
        violations.key(name + ".elementInstanceKey", t.elementInstanceKey());
      }
    }
    violations.throwIfAny();
  }

  private static void variables(Violations violations, String name, List<VariableInstruction> instructions) {
    if (instructions == null) {
      return;
    }
    for (int j = 0; j < instructions.size(); j++) {
      VariableInstruction v = instructions.get(j);
      violations.required(name + ".variableInstructions[" + j + "].variables", v == null ? null : v.variables());
    }
  }
}
