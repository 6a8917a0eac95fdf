package org.camunda4j.engine.internal.model;

import java.util.Map;
import org.camunda4j.engine.internal.feel.FeelExpression;

/** What a job-based task creates: {@code zeebe:taskDefinition} and {@code zeebe:taskHeaders}. */
public record JobDefinition(FeelExpression type, FeelExpression retries, Map<String, String> headers) {}
