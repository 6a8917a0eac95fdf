package org.camunda4j.engine.internal.api;

import java.util.List;
import org.camunda4j.engine.internal.processing.InstanceModification;
import org.camunda4j.engine.internal.processing.InstanceModification.Ancestor;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceModificationRequest;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceModificationRequest.VariableInstruction;

/** A validated modification request as the engine's {@link InstanceModification}. */
final class Modifications {

  private Modifications() {}

  static InstanceModification of(ProcessInstanceModificationRequest body) {
    return new InstanceModification(
        body.activations().stream()
            .map(a -> new InstanceModification.Activation(a.elementId(), optionalKey(a.ancestorElementInstanceKey()), variables(a.variableInstructions())))
            .toList(),
        body.moves().stream().map(Modifications::move).toList(),
        body.terminations().stream()
            .map(t -> new InstanceModification.Termination(optionalKey(t.elementInstanceKey()), t.elementId()))
            .toList());
  }

  private static InstanceModification.Move move(ProcessInstanceModificationRequest.MoveInstruction m) {
    var source = m.sourceElementInstruction();
    boolean byKey = source.sourceType().equals("byKey");
    var ancestor = m.ancestorScopeInstruction();
    Ancestor mode =
        ancestor == null
            ? Ancestor.INFERRED
            : switch (ancestor.ancestorScopeType()) {
              case "direct" -> Ancestor.DIRECT;
              case "sourceParent" -> Ancestor.SOURCE_PARENT;
              default -> Ancestor.INFERRED;
            };
    return new InstanceModification.Move(
        byKey ? Long.parseLong(source.sourceElementInstanceKey()) : -1,
        byKey ? null : source.sourceElementId(),
        m.targetElementId(),
        mode,
        mode == Ancestor.DIRECT ? Long.parseLong(ancestor.ancestorElementInstanceKey()) : -1,
        variables(m.variableInstructions()));
  }

  private static List<InstanceModification.VariableInstruction> variables(List<VariableInstruction> instructions) {
    return instructions == null
        ? List.of()
        : instructions.stream().map(v -> new InstanceModification.VariableInstruction(v.scopeId(), v.variables())).toList();
  }

  /** A key that may be absent or -1 ("none"). */
  private static long optionalKey(String key) {
    return key == null || key.isBlank() ? -1 : Long.parseLong(key.strip());
  }
}
