package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;

/**
 * What {@code POST /v2/process-instances/{key}/modification} asks: elements to activate, tokens to
 * move and element instances to terminate. Activations (and the targets of moves) happen first,
 * then terminations (and the sources of moves).
 */
public record InstanceModification(List<Activation> activations, List<Move> moves, List<Termination> terminations) {

  /** Variables to create on the activated element's instance or one of its flow scopes ({@code scopeId} null: the process instance). */
  public record VariableInstruction(String scopeId, Map<String, Object> variables) {}

  /** @param ancestorKey the element instance to activate in (or below); -1 to find the flow scope's one live instance */
  public record Activation(String elementId, long ancestorKey, List<VariableInstruction> variables) {}

  /** By element instance key, or (key -1) every live instance of an element. */
  public record Termination(long elementInstanceKey, String elementId) {}

  /** How a move finds the instance to activate its target in. */
  public enum Ancestor {
    /** the one live instance of the target's flow scope, as an activation without ancestor */
    INFERRED,
    /** the flow scope instance of the moved source */
    SOURCE_PARENT,
    /** {@link Move#ancestorKey} */
    DIRECT
  }

  /** Terminates the source instances (by key, or every live one of an element) and activates the target for each. */
  public record Move(
      long sourceElementInstanceKey,
      String sourceElementId,
      String targetElementId,
      Ancestor ancestor,
      long ancestorKey,
      List<VariableInstruction> variables) {}
}
