package org.camunda4j.engine.internal.model;

import java.util.Map;

/** One executable process read from a resource, before it gets a key and a version. */
public record TransformedProcess(
    String bpmnProcessId, String name, String versionTag, ExecutableElement process, Map<String, ExecutableElement> elements) {}
