package org.camunda4j.engine.internal.processing;

import static org.camunda4j.engine.internal.processing.ElementActivationBehavior.invalid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.processing.InstanceModification.Activation;
import org.camunda4j.engine.internal.processing.InstanceModification.Move;
import org.camunda4j.engine.internal.processing.InstanceModification.Termination;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Process instance modification (8.9): activates elements, moves tokens and terminates element
 * instances of a live process instance, all in one command. Every instruction is checked before
 * the first event; an instruction that turns out wrong on the way (a flow scope with several live
 * instances) rejects the whole command, which leaves nothing behind. A flow scope whose last
 * element instance was terminated (and that got nothing new) is terminated too, up to the process
 * instance itself.
 */
final class ModificationCommands {

  private final EngineState state;
  private final BpmnBehavior bpmn;
  private final ElementActivationBehavior activation;

  ModificationCommands(EngineState state, BpmnBehavior bpmn, ElementActivationBehavior activation) {
    this.state = state;
    this.bpmn = bpmn;
    this.activation = activation;
  }

  void modify(ProcessingContext ctx, long processInstanceKey, InstanceModification modification) {
    ElementInstance root =
        state.processInstance(processInstanceKey)
            .filter(p -> "ACTIVE".equals(p.state()))
            .flatMap(p -> state.elementInstance(processInstanceKey))
            .orElseThrow(() -> Rejection.notFound(
                "Expected to modify process instance with key '" + processInstanceKey + "', but no such active process instance was found"));
    ProcessDefinition definition = root.process();

    // --- check every instruction before anything happens
    List<ExecutableElement> activated = new ArrayList<>();
    for (int i = 0; i < modification.activations().size(); i++) {
      Activation a = modification.activations().get(i);
      String label = "activateInstructions[" + i + "]";
      ExecutableElement element = activation.target(definition, a.elementId(), label);
      activation.checkVariableScopes(element, a.variables(), label);
      activated.add(element);
    }
    List<ExecutableElement> moveTargets = new ArrayList<>();
    List<List<ElementInstance>> moveSources = new ArrayList<>();
    for (int i = 0; i < modification.moves().size(); i++) {
      Move m = modification.moves().get(i);
      String label = "moveInstructions[" + i + "]";
      ExecutableElement target = activation.target(definition, m.targetElementId(), label);
      activation.checkVariableScopes(target, m.variables(), label);
      moveTargets.add(target);
      moveSources.add(sources(root, definition, m.sourceElementInstanceKey(), m.sourceElementId(), label));
    }
    List<ElementInstance> terminated = new ArrayList<>();
    for (int i = 0; i < modification.terminations().size(); i++) {
      Termination t = modification.terminations().get(i);
      terminated.addAll(sources(root, definition, t.elementInstanceKey(), t.elementId(), "terminateInstructions[" + i + "]"));
    }

    // --- activations first, then terminations
    for (int i = 0; i < activated.size(); i++) {
      Activation a = modification.activations().get(i);
      activation.activate(ctx, root, activated.get(i), a.ancestorKey(), a.variables(), "activateInstructions[" + i + "]");
    }
    List<ElementInstance> moved = new ArrayList<>();
    for (int i = 0; i < moveTargets.size(); i++) {
      Move m = modification.moves().get(i);
      for (ElementInstance source : moveSources.get(i)) {
        long ancestor =
            switch (m.ancestor()) {
              case INFERRED -> -1;
              case SOURCE_PARENT -> source.flowScopeKey();
              case DIRECT -> m.ancestorKey();
            };
        activation.activate(ctx, root, moveTargets.get(i), ancestor, m.variables(), "moveInstructions[" + i + "]");
        moved.add(source);
      }
    }
    moved.addAll(terminated);
    Set<Long> flowScopes = new LinkedHashSet<>();
    for (ElementInstance instance : moved) {
      ElementInstance live = state.elementInstance(instance.key()).orElse(null);
      if (live != null && live.isAlive() && live.state() != ElementState.TERMINATING) {
        flowScopes.add(live.flowScopeKey());
        bpmn.terminate(ctx, live.key());
      }
    }
    flowScopes.forEach(scope -> terminateIfEmpty(ctx, scope));
  }

  private void rejectIfCalled(long processInstanceKey) {
    long callActivity = state.processInstance(processInstanceKey).map(p -> p.parentElementInstanceKey()).orElse(-1L);
    if (callActivity >= 0) {
      String callActivityId = state.elementInstance(callActivity).map(c -> c.element().id()).orElse("?");
      long parentInstance = state.processInstance(processInstanceKey).orElseThrow().parentProcessInstanceKey();
      throw invalid(
          "terminateInstructions",
          "they would terminate the last active element instances of process instance '" + processInstanceKey
              + "', which was called by call activity '" + callActivityId + "' (element instance '" + callActivity
              + "') of process instance '" + parentInstance + "'; terminate that call activity instead");
    }
  }

  /** The instance with that key, or every live instance of the element; an instruction that finds none is rejected. */
  private List<ElementInstance> sources(ElementInstance root, ProcessDefinition definition, long key, String elementId, String label) {
    if (key >= 0) {
      ElementInstance instance =
          state.elementInstance(key)
              .filter(i -> i.processInstanceKey() == root.key() && i.key() != root.key() && i.isAlive() && i.state() != ElementState.TERMINATING)
              .orElseThrow(() -> invalid(label, "the element instance '" + key + "' is not an active element instance of process instance '"
                  + root.key() + "'"));
      return List.of(instance);
    }
    if (elementId == null || !definition.elements().containsKey(elementId) || definition.process().id().equals(elementId)) {
      throw invalid(label, "the element '" + elementId + "' does not exist in process '" + definition.bpmnProcessId() + "'");
    }
    List<ElementInstance> live = new ArrayList<>(activation.liveInstances(root, elementId));
    if (live.isEmpty()) {
      throw invalid(label, "the element '" + elementId + "' has no active instance in process instance '" + root.key() + "'");
    }
    return live;
  }

  /**
   * A scope that has no child and no token left is terminated, and so on up to the process instance.
   * A called process instance is not: as in Camunda, terminating its last element instances rejects
   * the modification (the processor undoes what it emitted), since the call activity would wait for it
   * forever; the call activity is what to terminate.
   */
  private void terminateIfEmpty(ProcessingContext ctx, long scopeKey) {
    ElementInstance scope = state.elementInstance(scopeKey).orElse(null);
    if (scope == null || scope.state() != ElementState.ACTIVATED || scope.childCount() > 0 || scope.activeFlows() > 0) {
      return;
    }
    long parent = scope.flowScopeKey();
    if (parent < 0) {
      rejectIfCalled(scopeKey);
    }
    bpmn.terminate(ctx, scopeKey);
    if (parent >= 0) {
      terminateIfEmpty(ctx, parent);
    }
  }
}
