package org.camunda4j.engine.internal.state;

import java.util.Map;

/** Where a process instance started by a message, timer or signal starts, with the payload its start event passes on. */
public record TriggeredStart(String startElementId, Map<String, Object> payload) implements java.io.Serializable {}
