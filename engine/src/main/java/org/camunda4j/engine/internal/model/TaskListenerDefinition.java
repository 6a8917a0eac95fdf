package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/** One {@code zeebe:taskListener}: the job it creates when its event happens to the user task. */
public record TaskListenerDefinition(TaskListenerEventType eventType, FeelExpression type, FeelExpression retries) {}
