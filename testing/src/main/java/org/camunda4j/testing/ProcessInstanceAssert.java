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
import org.camunda4j.sdk.UserTask;
import org.camunda4j.testing.internal.ClusterReads;
import org.camunda4j.testing.internal.ClusterReads.JobRow;
import org.camunda4j.testing.internal.ClusterReads.VariableRow;
import org.camunda4j.testing.internal.JsonValues;
import org.camunda4j.testing.internal.Waiter;

/**
 * Assertions on one process instance. Each one waits (up to {@link #within(Duration) a bounded
 * time}) until it holds, because what a cluster reports is eventually consistent; on timeout it fails
 * with the state it saw last.
 *
 * <p>The REST API has no history of element instances, so "active at" and "passed" are read from
 * what it does report: an element is <em>active</em> while it has an open job (created, failed with
 * retries, timed out), an open user task, or an active incident; it has been <em>passed</em> once
 * its job or user task completed. Events and gateways leave no such trace and cannot be asserted.
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

  /** Every given element is active (see the type's note on what "active" can mean over REST). */
  public ProcessInstanceAssert isActiveAt(String... elementIds) {
    waiter.await(
        () -> Optional.of(activeElements()).filter(active -> active.containsAll(List.of(elementIds))),
        () -> "Expected process instance " + actual + " to be active at " + Arrays.toString(elementIds)
            + ", but " + describe());
    return this;
  }

  /** Every given element completed its job or user task (see the type's note). */
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
    Set<String> active = new LinkedHashSet<>();
    reads.jobs(actual).stream().filter(JobRow::isOpen).forEach(j -> active.add(j.elementId()));
    reads.userTasks(actual).stream().filter(t -> "CREATED".equals(t.state())).forEach(t -> active.add(t.elementId()));
    reads.activeIncidents(actual).forEach(i -> active.add(i.elementId()));
    return active;
  }

  private Set<String> passedElements() {
    Set<String> passed = new LinkedHashSet<>();
    reads.jobs(actual).stream().filter(j -> "COMPLETED".equals(j.state())).forEach(j -> passed.add(j.elementId()));
    reads.userTasks(actual).stream().filter(t -> "COMPLETED".equals(t.state())).map(UserTask::elementId).forEach(passed::add);
    return passed;
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
