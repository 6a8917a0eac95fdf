package org.camunda4j.engine.internal.processing;

/**
 * Where a batch operation stands after a command about it: the item to process next, or {@link
 * #NONE} when it has ended or is held (suspended, canceled).
 */
public record BatchProgress(long batchOperationKey, long nextItemKey) {

  static final long NONE = -1;

  boolean hasNext() {
    return nextItemKey != NONE;
  }
}
