package org.camunda4j.engine.internal.state;

/** A variable as stored on one scope (a process instance or an element instance). */
public record Variable(long key, String name, Object value, long scopeKey, long processInstanceKey, String tenantId) implements java.io.Serializable {

  Variable withValue(Object newValue) {
    return new Variable(key, name, newValue, scopeKey, processInstanceKey, tenantId);
  }
}
