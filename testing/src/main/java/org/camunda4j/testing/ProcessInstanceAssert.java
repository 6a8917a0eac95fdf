package org.camunda4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.camunda4j.sdk.Incident;
import org.camunda4j.sdk.ProcessInstance;
import org.camunda4j.testing.internal.ClusterReads;
import org.camunda4j.testing.internal.ClusterReads.DecisionRow;
import org.camunda4j.testing.internal.ClusterReads.ElementRow;
import org.camunda4j.testing.internal.ClusterReads.VariableRow;
import org.camunda4j.testing.internal.JsonValues;
import org.camunda4j.testing.internal.Waiter;

/**
 * Assertions on one process instance. Each one waits (up to {@link #within(Duration) a bounded
 * time}) until it holds, because what a cluster reports is eventually consistent; on timeout it fails
 * with the state it saw last.
 *
 * <p>"Active at", "waiting at" and "passed" are read from the instance's element instances ({@code
 * POST /v2/element-instances/search}), so they hold for any element: tasks, events, gateways,
 * sub-processes. An element is <em>active</em> while one of its instances is ACTIVE (a sub-process
 * is active while anything inside it is), <em>waiting</em> when that instance is not such a
 * container, and <em>passed</em> once one of its instances COMPLETED (an element left through an
 * interrupting boundary event or a cancellation was TERMINATED, not passed).
 */
public final class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, Long> {

  private final ClusterReads reads;
  private final Waiter waiter;

  ProcessInstanceAssert(long processInstanceKey, ClusterReads reads, Waiter waiter) {
    super(processInstanceKey, ProcessInstanceAssert.class);
    this.reads = reads;
    this.waiter = waiter;
  }

  /** The same assertions with a different waiting bound. */
  public ProcessInstanceAssert within(Duration timeout) {
    return new ProcessInstanceAssert(actual, reads, new Waiter(timeout));
  }

  public ProcessInstanceAssert isCompleted() {
    return hasState("COMPLETED");
  }

  public ProcessInstanceAssert isActive() {
    return hasState("ACTIVE");
  }

  /** Cancelled, or ended by a terminate end event. */
  public ProcessInstanceAssert isTerminated() {
    return hasState("TERMINATED");
  }

  private ProcessInstanceAssert hasState(String expected) {
    waiter.await(
        () -> Optional.of(reads.instance(actual)).filter(p -> expected.equals(p.state())),
        () -> "Expected process instance " + actual + " to be " + expected + ", but " + describe());
    return this;
  }

  /** Every given element has an active instance: a task, event or gateway, or a sub-process with something active inside. */
  public ProcessInstanceAssert isActiveAt(String... elementIds) {
    waiter.await(
        () -> Optional.of(activeElements()).filter(active -> active.containsAll(List.of(elementIds))),
        () -> "Expected process instance " + actual + " to be active at " + Arrays.toString(elementIds)
            + ", but " + describe());
    return this;
  }

  /**
   * Every given element is where the instance waits: an active task, event or gateway (a job, a user
   * task, a message, timer or signal, an event-based gateway's choice, an incident), not a container.
   */
  public ProcessInstanceAssert isWaitingAt(String... elementIds) {
    waiter.await(
        () -> Optional.of(waitingElements()).filter(waiting -> waiting.containsAll(List.of(elementIds))),
        () -> "Expected process instance " + actual + " to be waiting at " + Arrays.toString(elementIds)
            + ", but it waits at " + waitingElements() + "; " + describe());
    return this;
  }

  /** Every given element completed at least once: any element, events and gateways included. */
  public ProcessInstanceAssert hasPassed(String... elementIds) {
    waiter.await(
        () -> Optional.of(passedElements()).filter(passed -> passed.containsAll(List.of(elementIds))),
        () -> "Expected process instance " + actual + " to have passed " + Arrays.toString(elementIds)
            + ", but it passed " + passedElements() + "; " + describe());
    return this;
  }

  /** The instance's own (root scope) variable {@code name} equals {@code expected} as JSON. */
  public ProcessInstanceAssert hasVariable(String name, Object expected) {
    JsonNode wanted = JsonValues.toNode(expected);
    waiter.await(
        () -> rootVariable(name).filter(value -> JsonValues.sameValue(value, wanted)),
        () -> "Expected process instance " + actual + " to have variable " + name + " = " + wanted + ", but "
            + rootVariable(name).map(v -> "it is " + v).orElse("it has no such variable") + "; variables: "
            + rootVariables());
    return this;
  }

  /** The instance has a root variable {@code name}, whatever its value. */
  public ProcessInstanceAssert hasVariable(String name) {
    waiter.await(() -> rootVariable(name),
        () -> "Expected process instance " + actual + " to have variable " + name + ", but its variables are "
            + rootVariables());
    return this;
  }

  /** The instance evaluated the decision {@code decisionId} (in a business rule task, or as a required decision). */
  public ProcessInstanceAssert hasEvaluatedDecision(String decisionId) {
    waiter.await(
        () -> evaluated(decisionId).stream().findFirst(),
        () -> "Expected process instance " + actual + " to have evaluated decision '" + decisionId + "', but it evaluated "
            + decisionsSeen() + "; " + describe());
    return this;
  }

  /**
   * The instance evaluated the decision {@code decisionId} with {@code expectedResult} (compared as
   * JSON: a string, a number, a map for several outputs, a list for COLLECT or RULE ORDER tables).
   */
  public ProcessInstanceAssert hasEvaluatedDecision(String decisionId, Object expectedResult) {
    JsonNode wanted = JsonValues.toNode(expectedResult);
    waiter.await(
        () -> evaluated(decisionId).stream().filter(d -> JsonValues.sameValue(d.result(), wanted)).findFirst(),
        () -> "Expected process instance " + actual + " to have evaluated decision '" + decisionId + "' to " + wanted
            + ", but it evaluated " + decisionsSeen() + "; " + describe());
    return this;
  }

  /** The instance has at least one active incident. */
  public ProcessInstanceAssert hasIncident() {
    waiter.await(
        () -> Optional.of(reads.activeIncidents(actual)).filter(list -> !list.isEmpty()),
        () -> "Expected process instance " + actual + " to have an active incident, but " + describe());
    return this;
  }

  /** The instance has an active incident at {@code elementId} whose message contains {@code messagePart}. */
  public ProcessInstanceAssert hasIncident(String elementId, String messagePart) {
    waiter.await(
        () -> reads.activeIncidents(actual).stream()
            .filter(i -> elementId.equals(i.elementId()) && i.errorMessage() != null && i.errorMessage().contains(messagePart))
            .findFirst(),
        () -> "Expected process instance " + actual + " to have an incident at " + elementId + " mentioning '"
            + messagePart + "', but " + describe());
    return this;
  }

  /**
   * The instance has no active incident now. This one does not wait: absence cannot be awaited, so
   * assert something positive first (e.g. {@link #isCompleted()}) when it matters.
   */
  public ProcessInstanceAssert hasNoIncident() {
    List<Incident> incidents = reads.activeIncidents(actual);
    if (!incidents.isEmpty()) {
      failWithMessage("Expected process instance %s to have no incident, but it has %s", actual, summarize(incidents));
    }
    return this;
  }

  // --- reading

  private Set<String> activeElements() {
    return elementIds(ElementRow::isActive);
  }

  private Set<String> waitingElements() {
    return elementIds(ElementRow::isWaiting);
  }

  private Set<String> passedElements() {
    return elementIds(e -> "COMPLETED".equals(e.state()));
  }

  private Set<String> elementIds(java.util.function.Predicate<ElementRow> which) {
    return reads.elementInstances(actual).stream().filter(which).map(ElementRow::elementId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private List<DecisionRow> evaluated(String decisionId) {
    return reads.decisions(actual).stream()
        .filter(d -> d.decisionId().equals(decisionId) && "EVALUATED".equals(d.state()))
        .toList();
  }

  private String decisionsSeen() {
    return reads.decisions(actual).stream()
        .map(d -> d.decisionId() + (d.evaluationFailure() != null ? " FAILED (" + d.evaluationFailure() + ")" : " " + d.state() + " = " + d.result()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private Optional<JsonNode> rootVariable(String name) {
    return reads.variables(actual).stream()
        .filter(v -> v.scopeKey() == actual && v.name().equals(name))
        .map(VariableRow::value)
        .findFirst();
  }

  private String rootVariables() {
    return reads.variables(actual).stream()
        .filter(v -> v.scopeKey() == actual)
        .map(v -> v.name() + "=" + v.value())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** What the instance looks like now, for failure messages. */
  private String describe() {
    try {
      ProcessInstance instance = reads.instance(actual);
      return "it is " + instance.state() + ", active at " + activeElements() + ", incidents "
          + summarize(reads.activeIncidents(actual));
    } catch (RuntimeException e) {
      return "it could not be read: " + e.getMessage();
    }
  }

  private static String summarize(List<Incident> incidents) {
    return incidents.stream()
        .map(i -> i.elementId() + ": " + i.errorType() + " " + i.errorMessage())
        .collect(Collectors.joining("; ", "[", "]"));
  }
}
