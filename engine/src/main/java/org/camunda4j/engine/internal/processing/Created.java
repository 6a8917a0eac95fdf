package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.model.ProcessDefinition;

/** A created process instance and the definition it runs. */
public record Created(long processInstanceKey, ProcessDefinition definition) {}
