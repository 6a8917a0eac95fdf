package org.camunda4j.engine.internal.rest.wire;

/** Answer of {@code POST /v2/signals/broadcast}. */
public record SignalBroadcastResult(String tenantId, String signalKey) {}
