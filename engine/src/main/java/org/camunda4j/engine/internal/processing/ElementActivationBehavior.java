package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ElementType;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Activates an element anywhere in a process instance, not through a sequence flow: what instance
 * modification and the start instructions of a new instance do. The element is activated in the
 * live instance of its flow scope; a flow scope that has no live instance is created on the way
 * (without its start event, with its boundary events and event sub-processes). Start events,
 * boundary events, events after an event-based gateway and elements inside a multi-instance body
 * cannot be activated this way. Inside an ad-hoc sub-process the element gets an inner instance of
 * its own, as an activation of the sub-process would.
 */
final class ElementActivationBehavior {

  private final EngineState state;
  private final BpmnBehavior bpmn;
  private final VariableBehavior variables;

  ElementActivationBehavior(EngineState state, BpmnBehavior bpmn, VariableBehavior variables) {
    this.state = state;
    this.bpmn = bpmn;
    this.variables = variables;
  }

  /**
   * The element {@code elementId} of {@code definition}, if it can be activated directly; else a
   * rejection whose message starts with {@code instruction} (e.g. {@code activateInstructions[0]}).
   */
  ExecutableElement target(ProcessDefinition definition, String elementId, String instruction) {
    ExecutableElement element = definition.elements().get(elementId);
    if (element == null || element == definition.process()) {
      throw invalid(instruction, "the element '" + elementId + "' does not exist in process '" + definition.bpmnProcessId() + "'"
          + (element == null ? "" : " (it is the process itself)"));
    }
    if (element.type() == ElementType.START_EVENT || element.type() == ElementType.BOUNDARY_EVENT) {
      throw invalid(instruction, "the element '" + elementId + "' is a " + element.type().bpmnName()
          + ", which cannot be activated directly; activate the element after it instead");
    }
    boolean afterEventBasedGateway =
        element.incoming().stream().anyMatch(f -> definition.element(f.sourceId()).type() == ElementType.EVENT_BASED_GATEWAY);
    if (afterEventBasedGateway) {
      throw invalid(instruction, "the element '" + elementId + "' belongs to an event-based gateway; activate the gateway instead");
    }
    for (ExecutableElement scope = element.flowScope().orElse(null); scope != null; scope = scope.flowScope().orElse(null)) {
      if (scope.multiInstance() != null) {
        throw invalid(instruction, "the element '" + elementId + "' is inside the multi-instance " + scope.type().bpmnName() + " '"
            + scope.id() + "'; elements inside a multi-instance body cannot be activated");
      }
    }
    return element;
  }

  /** Checks that each variable instruction names the element or one of its flow scopes. */
  void checkVariableScopes(ExecutableElement element, List<InstanceModification.VariableInstruction> instructions, String instruction) {
    for (InstanceModification.VariableInstruction variables : instructions) {
      if (variables.scopeId() != null && !variables.scopeId().isBlank() && !scopeIds(element).contains(variables.scopeId())) {
        throw invalid(instruction, "the variable instruction's scopeId '" + variables.scopeId() + "' is neither the element '" + element.id()
            + "' nor one of its flow scopes " + scopeIds(element));
      }
    }
  }

  private static List<String> scopeIds(ExecutableElement element) {
    List<String> ids = new ArrayList<>();
    for (ExecutableElement e = element; e != null; e = e.flowScope().orElse(null)) {
      ids.add(e.id());
    }
    return ids;
  }

  /**
   * Activates {@code element} in {@code root}'s process instance, below {@code ancestorKey} (-1:
   * in the one live instance of the nearest flow scope that has one), with the variables given.
   * Returns the new element instance's key.
   */
  long activate(
      ProcessingContext ctx,
      ElementInstance root,
      ExecutableElement element,
      long ancestorKey,
      List<InstanceModification.VariableInstruction> variableInstructions,
      String instruction) {
    List<ExecutableElement> scopes = new ArrayList<>(); // the process first, the element's own flow scope last
    for (ExecutableElement scope = element.flowScope().orElse(null); scope != null; scope = scope.flowScope().orElse(null)) {
      scopes.addFirst(scope);
    }
    ElementInstance ancestor;
    int level;
    if (ancestorKey >= 0) {
      ancestor =
          state.elementInstance(ancestorKey)
              .filter(i -> i.processInstanceKey() == root.key() && i.state() == ElementState.ACTIVATED && !i.isMultiInstanceBody()
                  && !i.isAdHocInnerInstance())
              .orElseThrow(() -> invalid(instruction, "the ancestor element instance '" + ancestorKey
                  + "' is not an active element instance of process instance '" + root.key() + "'"));
      level = indexOf(scopes, ancestor.element());
      if (level < 0) {
        throw invalid(instruction, "the ancestor element instance '" + ancestorKey + "' (element '" + ancestor.element().id()
            + "') is not a flow scope of the element '" + element.id() + "'");
      }
    } else {
      ancestor = null;
      level = -1;
      for (int i = scopes.size() - 1; i >= 0 && ancestor == null; i--) {
        List<ElementInstance> live = i == 0 ? List.of(root) : liveInstances(root, scopes.get(i).id());
        if (live.size() > 1) {
          throw invalid(instruction, "the flow scope '" + scopes.get(i).id() + "' of the element '" + element.id() + "' has "
              + live.size() + " active instances; name the one to activate in with ancestorElementInstanceKey");
        }
        if (live.size() == 1) {
          ancestor = live.getFirst();
          level = i;
        }
      }
    }
    Map<String, Long> scopeKeys = new HashMap<>();
    for (ElementInstance e = ancestor; e != null; e = e.flowScopeKey() < 0 ? null : state.elementInstance(e.flowScopeKey()).orElse(null)) {
      if (!e.isAdHocInnerInstance()) {
        scopeKeys.putIfAbsent(e.element().id(), e.key());
      }
    }
    ElementInstance scope = ancestor;
    for (int i = level + 1; i < scopes.size(); i++) {
      try {
        scope = bpmn.createScope(ctx, bpmn.adHocSubProcesses().activationScope(ctx, scope), scopes.get(i));
      } catch (FeelException e) {
        throw invalid(instruction, "the flow scope '" + scopes.get(i).id() + "' cannot be created: " + e.getMessage());
      }
      scopeKeys.put(scope.element().id(), scope.key());
    }
    long key = bpmn.activateElement(ctx, bpmn.adHocSubProcesses().activationScope(ctx, scope), element, 0);
    scopeKeys.put(element.id(), key);
    String tenantId = root.process().tenantId();
    for (InstanceModification.VariableInstruction v : variableInstructions) {
      long target = v.scopeId() == null || v.scopeId().isBlank() ? root.key() : scopeKeys.get(v.scopeId());
      variables.setLocal(ctx, target, root.key(), tenantId, v.variables());
    }
    return key;
  }

  private static int indexOf(List<ExecutableElement> scopes, ExecutableElement element) {
    for (int i = 0; i < scopes.size(); i++) {
      if (scopes.get(i) == element) {
        return i;
      }
    }
    return -1;
  }

  /** The live instances (activated, not multi-instance bodies) of an element anywhere below {@code root}. */
  List<ElementInstance> liveInstances(ElementInstance root, String elementId) {
    List<ElementInstance> found = new ArrayList<>();
    collect(root.key(), elementId, found);
    return found;
  }

  private void collect(long scopeKey, String elementId, List<ElementInstance> found) {
    for (ElementInstance child : state.children(scopeKey)) {
      if (child.element().id().equals(elementId) && !child.isMultiInstanceBody() && !child.isAdHocInnerInstance() && child.isAlive()
          && child.state() != ElementState.TERMINATING) {
        found.add(child);
      }
      collect(child.key(), elementId, found);
    }
  }

  static Rejection invalid(String instruction, String problem) {
    return Rejection.invalidArgument(instruction + ": " + problem);
  }
}
