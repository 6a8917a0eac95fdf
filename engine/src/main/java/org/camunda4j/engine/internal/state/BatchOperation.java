package org.camunda4j.engine.internal.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch operation: one operation applied in the background to many items (process instances or
 * incidents), each item by a command of its own, after the call that created the batch was
 * answered. Changed only by {@link EventApplier}.
 */
public final class BatchOperation implements java.io.Serializable {

  /** What a batch operation does to each of its items (the names are 8.9's operation types). */
  public enum Type {
    CANCEL_PROCESS_INSTANCE,
    RESOLVE_INCIDENT,
    MODIFY_PROCESS_INSTANCE,
    DELETE_PROCESS_INSTANCE,
    MIGRATE_PROCESS_INSTANCE
  }

  /** Who created the batch: {@code USER}, {@code CLIENT} or {@code ANONYMOUS} (without an id). */
  public record Actor(String type, String id) implements java.io.Serializable {}

  /**
   * A modification batch's instruction: every active instance of the source element moves to the
   * target; a migration batch's mapping instruction: the source element becomes the target element.
   */
  public record Move(String sourceElementId, String targetElementId) implements java.io.Serializable {}

  /** ACTIVE while items wait; SUSPENDED holds them; the others are final. */
  public enum State {
    ACTIVE,
    SUSPENDED,
    COMPLETED,
    PARTIALLY_COMPLETED,
    FAILED,
    CANCELED;

    public boolean isFinal() {
      return this != ACTIVE && this != SUSPENDED;
    }
  }

  /** ACTIVE: not processed yet. */
  public enum ItemState {
    ACTIVE,
    COMPLETED,
    FAILED,
    CANCELED
  }

  /** An item as the batch is created with it: the key it is about and the process instance it belongs to. */
  public record ItemRef(long itemKey, long processInstanceKey) implements java.io.Serializable {}

  /** One item and how it went. */
  public static final class Item implements java.io.Serializable {
    private final long itemKey;
    private final long processInstanceKey;
    ItemState state = ItemState.ACTIVE;
    long processedDate = -1;
    String errorMessage;

    Item(ItemRef ref) {
      this.itemKey = ref.itemKey();
      this.processInstanceKey = ref.processInstanceKey();
    }

    public long itemKey() {
      return itemKey;
    }

    public long processInstanceKey() {
      return processInstanceKey;
    }

    public ItemState state() {
      return state;
    }

    /** Epoch millis, or -1 while not processed. */
    public long processedDate() {
      return processedDate;
    }

    /** Why a FAILED item failed, else null. */
    public String errorMessage() {
      return errorMessage;
    }
  }

  private final long key;
  private final Type type;
  private final long startDate;
  private final List<Move> moves;
  private final long targetProcessDefinitionKey;
  private final Actor actor;
  final Map<Long, Item> items = new LinkedHashMap<>();
  State state = State.ACTIVE;
  long endDate = -1;

  BatchOperation(long key, Type type, List<Move> moves, long targetProcessDefinitionKey, Actor actor, long startDate) {
    this.key = key;
    this.targetProcessDefinitionKey = targetProcessDefinitionKey;
    this.actor = actor;
    this.type = type;
    this.moves = List.copyOf(moves);
    this.startDate = startDate;
  }

  public long key() {
    return key;
  }

  public Type type() {
    return type;
  }

  /** Who created the batch; null in a log written before the engine recorded it. */
  public Actor actor() {
    return actor;
  }

  public long startDate() {
    return startDate;
  }

  /** What a MODIFY_PROCESS_INSTANCE batch does to each instance, or a MIGRATE_PROCESS_INSTANCE batch's mapping instructions; else empty. */
  public List<Move> moves() {
    return moves;
  }

  /** The process definition a MIGRATE_PROCESS_INSTANCE batch migrates each instance to; 0 for the other types. */
  public long targetProcessDefinitionKey() {
    return targetProcessDefinitionKey;
  }

  /** Epoch millis, or -1 while not final. */
  public long endDate() {
    return endDate;
  }

  public State state() {
    return state;
  }

  /** The items in the order they are processed. */
  public Collection<Item> items() {
    return Collections.unmodifiableCollection(items.values());
  }

  public Optional<Item> item(long itemKey) {
    return Optional.ofNullable(items.get(itemKey));
  }

  /** The first item not processed yet. */
  public Optional<Item> nextPending() {
    return items.values().stream().filter(i -> i.state == ItemState.ACTIVE).findFirst();
  }

  public long count(ItemState itemState) {
    return items.values().stream().filter(i -> i.state == itemState).count();
  }
}
