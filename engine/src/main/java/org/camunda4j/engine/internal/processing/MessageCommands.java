package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.MessageBuffered;
import org.camunda4j.engine.internal.record.EngineEvent.MessageCorrelated;
import org.camunda4j.engine.internal.record.EngineEvent.MessageSubscriptionCorrelated;
import org.camunda4j.engine.internal.state.CorrelatedSubscription;
import org.camunda4j.engine.internal.record.EngineEvent.MessageExpired;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstanceStartedByMessage;
import org.camunda4j.engine.internal.state.BufferedMessage;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.MessageSubscription;

/**
 * Publishing and correlating messages (engine-semantics §2.4): message start events first, then
 * open subscriptions; at most one instance per process id takes a message; with a time to live the
 * message is buffered, oldest first, for subscriptions that open later.
 */
final class MessageCommands {

  /** The message's key and the process instances it reached (started or moved on), in order. */
  record Correlation(long messageKey, List<Long> processInstanceKeys) {}

  private final EngineState state;
  private final Feel feel;
  private final BpmnBehavior bpmn;
  private final CatchEventBehavior catchEvents;

  MessageCommands(EngineState state, Feel feel, BpmnBehavior bpmn, CatchEventBehavior catchEvents) {
    this.state = state;
    this.feel = feel;
    this.bpmn = bpmn;
    this.catchEvents = catchEvents;
  }

  Correlation publish(
      ProcessingContext ctx, String name, String correlationKey, long timeToLive, String messageId, Map<String, Object> variables,
      String tenantId) {
    if (messageId != null && !messageId.isEmpty()) {
      for (BufferedMessage buffered : state.bufferedMessages()) {
        if (messageId.equals(buffered.messageId()) && buffered.name().equals(name) && buffered.correlationKey().equals(correlationKey)) {
          throw new Rejection(
              Rejection.Type.ALREADY_EXISTS,
              "Expected to publish a new message with id '" + messageId + "', but a message with that id was already published");
        }
      }
    }
    long messageKey = state.nextKey();
    Set<String> reached = new LinkedHashSet<>();
    List<Long> instances = correlate(ctx, messageKey, name, correlationKey, variables, tenantId, reached);
    if (timeToLive > 0) {
      ctx.emit(
          new MessageBuffered(
              new BufferedMessage(messageKey, name, correlationKey, variables, messageId, tenantId, ctx.now() + timeToLive)));
      reached.forEach(processId -> ctx.emit(new MessageCorrelated(messageKey, processId)));
    }
    return new Correlation(messageKey, instances);
  }

  /** Correlates without buffering; nothing to correlate to is a 404. */
  Correlation correlateNow(ProcessingContext ctx, String name, String correlationKey, Map<String, Object> variables, String tenantId) {
    long messageKey = state.nextKey();
    List<Long> instances = correlate(ctx, messageKey, name, correlationKey, variables, tenantId, new LinkedHashSet<>());
    if (instances.isEmpty()) {
      throw Rejection.notFound(
          "Expected to find subscription for message with name '" + name + "' and correlation key '" + correlationKey
              + "', but none was found.");
    }
    return new Correlation(messageKey, instances);
  }

  private List<Long> correlate(
      ProcessingContext ctx, long messageKey, String name, String correlationKey, Map<String, Object> variables, String tenantId,
      Set<String> reached) {
    List<Long> instances = new ArrayList<>();
    for (ProcessDefinition definition : latestDefinitions(tenantId)) {
      for (ExecutableElement start : definition.process().children()) {
        if (!CatchEventBehavior.isProcessStart(start, EventKind.MESSAGE) || !name.equals(staticName(start))) {
          continue;
        }
        if (!correlationKey.isEmpty() && state.instanceStartedByMessage(definition.bpmnProcessId(), definition.tenantId(), correlationKey) >= 0) {
          continue;
        }
        long instance = bpmn.createProcessInstanceAt(ctx, definition, start, variables);
        if (!correlationKey.isEmpty()) {
          ctx.emit(new ProcessInstanceStartedByMessage(instance, definition.bpmnProcessId(), correlationKey));
        }
        startedBy(ctx, messageKey, name, correlationKey, definition, start, instance);
        instances.add(instance);
        reached.add(definition.bpmnProcessId());
      }
    }
    List<MessageSubscription> matching =
        state.messageSubscriptions().stream()
            .filter(s -> s.messageName().equals(name) && s.correlationKey().equals(correlationKey) && s.tenantId().equals(tenantId))
            .toList();
    for (MessageSubscription subscription : matching) {
      if (reached.contains(subscription.bpmnProcessId()) || !isOpen(subscription)) {
        continue; // one instance per process id takes a message
      }
      correlated(ctx, messageKey, subscription);
      catchEvents.trigger(ctx, subscription.ownerKey(), subscription.catchElementId(), variables, false);
      instances.add(subscription.processInstanceKey());
      reached.add(subscription.bpmnProcessId());
    }
    return instances;
  }

  /** A subscription that just opened takes the oldest buffered message meant for it, if any. */
  void correlateBuffered(ProcessingContext ctx, MessageSubscription subscription) {
    if (!isOpen(subscription)) {
      return;
    }
    for (BufferedMessage message : state.bufferedMessages()) {
      if (message.name().equals(subscription.messageName())
          && message.correlationKey().equals(subscription.correlationKey())
          && message.tenantId().equals(subscription.tenantId())
          && message.deadline() > ctx.now()
          && !state.wasCorrelatedTo(message.key(), subscription.bpmnProcessId())) {
        ctx.emit(new MessageCorrelated(message.key(), subscription.bpmnProcessId()));
        correlated(ctx, message.key(), subscription);
        catchEvents.trigger(ctx, subscription.ownerKey(), subscription.catchElementId(), message.variables(), false);
        return;
      }
    }
  }

  /**
   * An instance that a keyed message started has ended: the oldest buffered message with that key
   * may now start the next one.
   */
  void instanceStartedByMessageEnded(ProcessingContext ctx, String bpmnProcessId, String tenantId, String correlationKey) {
    ProcessDefinition definition = state.latestDefinition(bpmnProcessId, tenantId).orElse(null);
    if (definition == null) {
      return;
    }
    for (ExecutableElement start : definition.process().children()) {
      if (!CatchEventBehavior.isProcessStart(start, EventKind.MESSAGE)) {
        continue;
      }
      String name = staticName(start);
      for (BufferedMessage message : state.bufferedMessages()) {
        if (message.name().equals(name)
            && message.correlationKey().equals(correlationKey)
            && message.tenantId().equals(tenantId)
            && message.deadline() > ctx.now()
            && !state.wasCorrelatedTo(message.key(), bpmnProcessId)) {
          long instance = bpmn.createProcessInstanceAt(ctx, definition, start, message.variables());
          ctx.emit(new ProcessInstanceStartedByMessage(instance, bpmnProcessId, correlationKey));
          ctx.emit(new MessageCorrelated(message.key(), bpmnProcessId));
          startedBy(ctx, message.key(), name, correlationKey, definition, start, instance);
          return;
        }
      }
    }
  }

  /** Records that a message reached a waiting subscription (before it is triggered and closed). */
  private void correlated(ProcessingContext ctx, long messageKey, MessageSubscription subscription) {
    long definitionKey = state.processInstance(subscription.processInstanceKey()).map(p -> p.definition().key()).orElse(-1L);
    ctx.emit(new MessageSubscriptionCorrelated(new CorrelatedSubscription(
        messageKey, subscription.key(), subscription.messageName(), subscription.correlationKey(), subscription.catchElementId(),
        subscription.ownerKey(), subscription.processInstanceKey(), definitionKey, subscription.bpmnProcessId(), subscription.tenantId(),
        ctx.now())));
  }

  /** Records that a message started an instance at a message start event. */
  private void startedBy(
      ProcessingContext ctx, long messageKey, String name, String correlationKey, ProcessDefinition definition, ExecutableElement start,
      long instance) {
    ctx.emit(new MessageSubscriptionCorrelated(new CorrelatedSubscription(
        messageKey, state.nextKey(), name, correlationKey, start.id(), instance, instance, definition.key(), definition.bpmnProcessId(),
        definition.tenantId(), ctx.now())));
  }

  void expire(ProcessingContext ctx) {
    for (BufferedMessage message : state.messagesExpiredAt(ctx.now())) {
      ctx.emit(new MessageExpired(message.key()));
    }
  }

  private boolean isOpen(MessageSubscription subscription) {
    return state.messageSubscriptions().stream().anyMatch(s -> s.key() == subscription.key());
  }

  /** A message starts instances of its own tenant's processes only. */
  private List<ProcessDefinition> latestDefinitions(String tenantId) {
    Set<String> ids = new LinkedHashSet<>();
    state.definitions().stream().filter(d -> d.tenantId().equals(tenantId)).forEach(d -> ids.add(d.bpmnProcessId()));
    return ids.stream().map(id -> state.latestDefinition(id, tenantId).orElseThrow()).toList();
  }

  /** Message start events name their message statically (there are no variables yet). */
  private String staticName(ExecutableElement start) {
    try {
      return feel.evaluateString(start.message().name(), Map.of());
    } catch (FeelException e) {
      return null;
    }
  }
}
