package org.camunda4j.engine.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.processing.ActivatedJob;
import org.camunda4j.engine.internal.processing.ActivationRequest;
import org.camunda4j.engine.internal.processing.ControlledClock;
import org.camunda4j.engine.internal.processing.DeploymentResource;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.HistoryRetention;
import org.camunda4j.engine.internal.processing.NewInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.StateDump;
import org.camunda4j.engine.internal.state.Variable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot format on its own: a state with processes, instances, jobs in several states,
 * variables of several Java types, a task listener's job and buffered messages reads back as it was written; a snapshot
 * whose bytes changed, or that another build wrote with other state types, is refused with a reason.
 */
class SnapshotCodecTest {

  private final SnapshotCodec codec = new SnapshotCodec(new BpmnTransformer(new Feel(System::currentTimeMillis)));
  private EngineOperations engine;

  @BeforeEach
  void richState() throws IOException {
    engine = new EngineOperations(
        new ControlledClock(), Duration.ofSeconds(1), HistoryRetention.KEEP_ALL, t -> new InMemoryEventLog(new SnapshotCodec(t)));
    engine.deploy(List.of(resource("single-service-task.bpmn"), resource("message-intermediate-catch.bpmn"),
        resource("task-listener-creating-with-model-assignee.bpmn")), "<default>").join();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("int", 7);
    variables.put("long", 8_000_000_000L);
    variables.put("decimal", new BigDecimal("1.50"));
    variables.put("list", List.of("a", 1, true));
    variables.put("nothing", null);
    variables.put("nested", Map.of("k", Map.of("deep", List.of(1.5))));
    for (int i = 0; i < 6; i++) {
      variables.put("i", i);
      engine.createById("single-service-task", -1, new NewInstance(variables, List.of(), null, null)).join();
    }
    List<ActivatedJob> jobs =
        engine.activate(new ActivationRequest("work", "w", 60_000, 4, List.of(), List.of("<default>"), 0), () -> true).join();
    engine.completeJob(jobs.get(0).jobKey(), Map.of("done", true)).join();
    engine.failJob(jobs.get(1).jobKey(), 0, "broken", 0, Map.of()).join(); // an incident
    engine.failJob(jobs.get(2).jobKey(), 2, "again", 30_000, Map.of()).join(); // a backoff
    // a task listener's job, whose headers are a read-only view
    engine.createById("task-listener-creating-with-model-assignee", -1, new NewInstance(Map.of(), List.of(), null, null)).join();
    engine.publishMessage("never-caught", "k", 60_000, null, Map.of("x", 1), "<default>").join();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private DeploymentResource resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/" + name)) {
      return new DeploymentResource(name, in.readAllBytes());
    }
  }

  private byte[] snapshot() {
    return engine.read(codec::write).join();
  }

  @Test
  void aRichStateReadsBackAsItWasWrittenWithItsJavaTypes() {
    byte[] snapshot = snapshot();

    EngineState restored = codec.read(snapshot);

    assertThat(StateDump.of(restored)).isEqualTo(engine.read(StateDump::of).join());
    Variable anInt = restored.variables().stream().filter(v -> v.name().equals("int")).findFirst().orElseThrow();
    assertThat(anInt.value()).isInstanceOf(Integer.class);
    Variable aLong = restored.variables().stream().filter(v -> v.name().equals("long")).findFirst().orElseThrow();
    assertThat(aLong.value()).isInstanceOf(Long.class);
  }

  @Test
  void parsedProcessesTheCallerHoldsAreTakenInsteadOfTransformedAgain() {
    byte[] snapshot = snapshot();
    Map<Long, ProcessDefinition> deployed = new java.util.HashMap<>();
    engine.read(state -> state.definitions()).join().forEach(d -> deployed.put(d.key(), d));

    EngineState restored = codec.read(snapshot, deployed);

    for (ProcessDefinition definition : restored.definitions()) {
      assertThat(definition).isSameAs(deployed.get(definition.key()));
    }
    assertThat(StateDump.of(restored)).isEqualTo(engine.read(StateDump::of).join());
  }

  @Test
  void aSnapshotWhoseBytesChangedIsRefused() {
    byte[] snapshot = snapshot();
    snapshot[snapshot.length / 2] ^= 0x40;

    assertThatThrownBy(() -> codec.read(snapshot))
        .isInstanceOf(SnapshotCodec.CorruptSnapshotException.class)
        .hasMessageContaining("checksum does not match");
    assertThatThrownBy(() -> codec.read(Arrays.copyOf(snapshot(), 100)))
        .isInstanceOf(SnapshotCodec.CorruptSnapshotException.class)
        .hasMessageContaining("bytes where its header says");
  }

  @Test
  void aSnapshotWrittenByABuildWithOtherStateTypesIsRefusedNamingTheType() throws IOException {
    byte[] snapshot = snapshot();
    String jobType = "org.camunda4j.engine.internal.state.Job";
    int layoutAt = layoutPosition(snapshot, jobType);
    ByteBuffer.wrap(snapshot).putInt(layoutAt, SnapshotCodec.layout(org.camunda4j.engine.internal.state.Job.class) + 1);
    fixChecksum(snapshot); // as the other build wrote it: intact, only its Job differs

    assertThatThrownBy(() -> codec.read(snapshot))
        .isInstanceOf(SnapshotCodec.CorruptSnapshotException.class)
        .hasMessageContaining("written by an engine build whose state types differ")
        .hasMessageContaining(jobType);
  }

  /** Where the header holds the layout hash of {@code type}. */
  private static int layoutPosition(byte[] snapshot, String type) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot));
    in.skipNBytes(16);
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      if (name.equals(type)) {
        return snapshot.length - in.available();
      }
      in.readInt();
    }
    throw new AssertionError("the snapshot lists no " + type);
  }

  private static void fixChecksum(byte[] snapshot) {
    CRC32C crc = new CRC32C();
    crc.update(snapshot, 16, snapshot.length - 16);
    ByteBuffer.wrap(snapshot).putInt(8, (int) crc.getValue());
  }
}
