package org.camunda4j.engine.internal.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EventApplier;

/**
 * What one command may do: emit events (applied to state at once, so later steps see them), queue
 * follow-up steps that run before the command is done, and register side effects (replies, wake-ups)
 * that run only after the whole batch is committed.
 */
public final class ProcessingContext {

  private final EventApplier applier;
  private final List<EngineEvent> events = new ArrayList<>();
  private final Deque<Runnable> followUps = new ArrayDeque<>();
  private final List<Runnable> sideEffects = new ArrayList<>();
  private final Set<String> availableJobTypes = new LinkedHashSet<>();
  private final List<VariableChange> variableChanges = new ArrayList<>();
  private long now;

  ProcessingContext(EventApplier applier) {
    this.applier = applier;
  }

  void begin(long now) {
    this.now = now;
  }

  /** The command's timestamp: every step of one command sees the same time. */
  public long now() {
    return now;
  }

  public void emit(EngineEvent event) {
    applier.apply(event);
    events.add(event);
  }

  /** A step that runs after the current one, still within this command. */
  public void followUp(Runnable step) {
    followUps.add(step);
  }

  /** Runs after the batch is committed: replies and notifications never see uncommitted state. */
  public void afterCommit(Runnable sideEffect) {
    sideEffects.add(sideEffect);
  }

  /** Marks that jobs of this type became activatable, so parked activations are retried. */
  public void jobsAvailable(String type) {
    availableJobTypes.add(type);
  }

  /** Records a variable change for the conditional events; true when it is the first since they were last evaluated. */
  boolean recordVariableChange(VariableChange change) {
    variableChanges.add(change);
    return variableChanges.size() == 1;
  }

  /** The variable changes since the conditional events were last evaluated, and forgets them. */
  List<VariableChange> drainVariableChanges() {
    List<VariableChange> drained = List.copyOf(variableChanges);
    variableChanges.clear();
    return drained;
  }

  void runFollowUps() {
    Runnable step;
    while ((step = followUps.poll()) != null) {
      step.run();
    }
  }

  List<EngineEvent> events() {
    return events;
  }

  List<Runnable> sideEffects() {
    return sideEffects;
  }

  Set<String> availableJobTypes() {
    return availableJobTypes;
  }

  void reset() {
    events.clear();
    followUps.clear();
    sideEffects.clear();
    availableJobTypes.clear();
    variableChanges.clear();
  }
}
