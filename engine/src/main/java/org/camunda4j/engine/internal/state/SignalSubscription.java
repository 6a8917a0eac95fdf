package org.camunda4j.engine.internal.state;

/** An open wait for a signal, owned like a {@link MessageSubscription}. */
public record SignalSubscription(long key, long ownerKey, String catchElementId, long processInstanceKey, String signalName) implements java.io.Serializable {}
