package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * The message an event or receive task waits for: its name and, except on process start events,
 * the correlation key ({@code zeebe:subscription correlationKey}), both evaluated when the
 * subscription opens.
 */
public record MessageDefinition(FeelExpression name, FeelExpression correlationKey) {}
