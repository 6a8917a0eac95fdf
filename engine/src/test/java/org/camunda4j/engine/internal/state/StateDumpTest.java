package org.camunda4j.engine.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda4j.engine.internal.record.EngineEvent.KeysIssued;
import org.camunda4j.engine.internal.record.EngineEvent.MessageBuffered;
import org.junit.jupiter.api.Test;

/** The dump the replay check compares: it shows every field, and differs exactly when state differs. */
class StateDumpTest {

  private static EngineState stateWith(String messageName) {
    EngineState state = new EngineState();
    EventApplier applier = new EventApplier(state);
    applier.apply(new KeysIssued(KeyRange.PARTITION_ONE + 7));
    applier.apply(new MessageBuffered(new BufferedMessage(KeyRange.PARTITION_ONE + 7, messageName, "k", Map.of("a", 1), null, "<default>", 99)));
    return state;
  }

  @Test
  void statesBuiltFromTheSameEventsDumpTheSame() {
    assertThat(StateDump.of(stateWith("m"))).isEqualTo(StateDump.of(stateWith("m")));
  }

  @Test
  void aDifferenceInsideARecordInsideAMapShows() {
    assertThat(StateDump.of(stateWith("m"))).isNotEqualTo(StateDump.of(stateWith("n")));
    assertThat(StateDump.of(stateWith("m"))).contains("\"name\" : \"m\"", "\"lastKey\" : " + (KeyRange.PARTITION_ONE + 7));
  }

  @Test
  void clearingAStateLeavesWhatAFreshStateHas() {
    EngineState state = stateWith("m");

    state.clear();

    assertThat(StateDump.of(state)).isEqualTo(StateDump.of(new EngineState()));
  }
}
