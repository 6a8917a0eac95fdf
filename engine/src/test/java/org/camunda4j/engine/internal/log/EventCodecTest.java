package org.camunda4j.engine.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TransformedProcess;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every event the engine can emit survives the log: each permitted subtype of the sealed
 * {@link EngineEvent} (and of the hierarchies its events carry) is built with a value in every
 * component and must read back equal. An event added to the hierarchy is covered without a change here.
 */
class EventCodecTest {

  private static final BpmnTransformer TRANSFORMER = new BpmnTransformer(new Feel(System::currentTimeMillis));
  private static final EventCodec CODEC = new EventCodec(TRANSFORMER);

  static Stream<Class<?>> eventTypes() {
    return Stream.of(EngineEvent.class.getPermittedSubclasses());
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void everyEventTypeReadsBackAsWritten(Class<?> type) throws Exception {
    EngineEvent event = (EngineEvent) sample(type);

    EngineEvent read = CODEC.read(CODEC.write(event));

    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFieldsOfTypes(ExecutableElement.class)
        .ignoringFieldsMatchingRegexes(".*\\.elements")
        .isEqualTo(event);
  }

  @Test
  void aDeployedProcessIsReadBackByTransformingItsResourceAgain() throws Exception {
    ProcessDefinition definition = definition();
    var deployed = new EngineEvent.ProcessDeployed(definition);

    ProcessDefinition read = ((EngineEvent.ProcessDeployed) CODEC.read(CODEC.write(deployed))).definition();

    assertThat(read.process()).isNotSameAs(definition.process());
    assertThat(read.elements().keySet()).isEqualTo(definition.elements().keySet());
    assertThat(new String(CODEC.write(deployed), StandardCharsets.UTF_8)).doesNotContain("\"elements\"");
  }

  @Test
  void aRecordThatIsNoEventIsReportedAsCorrupt() {
    assertThatThrownBy(() -> CODEC.read("{\"@type\":\"NoSuchEvent\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EventCodec.CorruptEventException.class)
        .hasMessageContaining("NoSuchEvent");
    assertThatThrownBy(() -> CODEC.read(new byte[] {'{', '"', '@'}))
        .isInstanceOf(EventCodec.CorruptEventException.class);
  }

  // --- a value for every component type an event uses

  private static Object sample(Type type) throws Exception {
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      Type[] args = generic.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        List<Object> list = new ArrayList<>();
        list.add(sample(args[0]));
        return list;
      }
      if (Map.class.isAssignableFrom(raw)) {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(sample(args[0]), sample(args[1]));
        return map;
      }
      throw new IllegalArgumentException("no sample for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == long.class || c == Long.class) return 2251799813685251L;
    if (c == int.class || c == Integer.class) return 3;
    if (c == boolean.class || c == Boolean.class) return true;
    if (c == String.class) return "text";
    if (c == Object.class) return Map.of("nested", List.of(1, "two", true));
    if (c.isEnum()) return c.getEnumConstants()[c.getEnumConstants().length - 1];
    if (c == ProcessDefinition.class) return definition();
    if (c.isSealed()) return sample(c.getPermittedSubclasses()[0]);
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = sample(components[i].getGenericType());
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = c.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    }
    throw new IllegalArgumentException("no sample for " + type + ": teach this test a value of it");
  }

  private static ProcessDefinition definition() throws IOException {
    byte[] resource;
    try (InputStream in = EventCodecTest.class.getResourceAsStream("/bpmn/single-service-task.bpmn")) {
      resource = in.readAllBytes();
    }
    try {
      TransformedProcess process = TRANSFORMER.transform("single-service-task.bpmn", resource).get(0);
      return new ProcessDefinition(
          2251799813685260L, process.bpmnProcessId(), process.name(), 2, process.versionTag(), "single-service-task.bpmn", "abc",
          "<default>", 2251799813685259L, process.process(), process.elements(), resource);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
