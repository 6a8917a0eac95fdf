package org.camunda4j.engine.internal.rest.wire;

import java.util.List;

/** Answer of {@code POST /v2/jobs/activation}: {@code {"jobs":[...]}}, empty when the poll timed out. */
public record JobActivationResult(List<ActivatedJobResult> jobs) {}
