package org.camunda4j.engine.internal.state;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The user tasks of {@link EngineState}; read by processing, changed only by {@link UserTaskApplier}. */
public final class UserTaskStore implements java.io.Serializable {

  final Map<Long, UserTask> byKey = new LinkedHashMap<>();
  final Map<Long, UserTask> liveByElementInstance = new HashMap<>();

  void clear() {
    byKey.clear();
    liveByElementInstance.clear();
  }

  public Optional<UserTask> get(long key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The task of a user-task element instance, while it is neither completed nor canceled. */
  public Optional<UserTask> liveOfElement(long elementInstanceKey) {
    return Optional.ofNullable(liveByElementInstance.get(elementInstanceKey));
  }

  /** Every task, live and ended, oldest first. */
  public Collection<UserTask> all() {
    return Collections.unmodifiableCollection(byKey.values());
  }
}
