package org.camunda4j.engine.internal.state;

/** Something keyed that falls due at an instant (epoch millis); ordered by time, then key. */
record Due(long time, long key) implements Comparable<Due>, java.io.Serializable {

  @Override
  public int compareTo(Due other) {
    int byTime = Long.compare(time, other.time);
    return byTime != 0 ? byTime : Long.compare(key, other.key);
  }
}
