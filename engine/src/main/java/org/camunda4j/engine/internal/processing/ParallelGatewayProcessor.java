package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.state.ElementInstance;

/** Parallel gateways: fork on every outgoing flow; a join waits for a token on each incoming flow. */
final class ParallelGatewayProcessor extends ElementProcessor {

  ParallelGatewayProcessor(BpmnBehavior bpmn) {
    super(bpmn);
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    passThrough(ctx, instance);
  }

  @Override
  boolean readyToJoin(ElementInstance scope, ExecutableElement gateway) {
    return gateway.incoming().stream().allMatch(incoming -> scope.joinTokens(incoming.id()) > 0);
  }
}
