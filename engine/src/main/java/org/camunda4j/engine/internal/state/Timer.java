package org.camunda4j.engine.internal.state;

/**
 * A timer due at {@code dueDate} on the engine clock.
 *
 * @param ownerKey the element instance that waits, or -1 for a timer start event of a process
 * @param repetitions how many more times a cycle fires after this one (-1: forever, 0: never)
 * @param cron for a cron cycle, its expression, which gives the next due date; null otherwise
 */
public record Timer(
    long key,
    long ownerKey,
    String catchElementId,
    long processDefinitionKey,
    long processInstanceKey,
    long dueDate,
    int repetitions,
    long intervalMillis,
    String cron) implements java.io.Serializable {}
