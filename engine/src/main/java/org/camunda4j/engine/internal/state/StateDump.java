package org.camunda4j.engine.internal.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;

/**
 * Every field of {@link EngineState} as JSON text, map entries sorted by key, so that two states can
 * be compared: the live one and the one a replay of the event log rebuilt. A deployed process
 * appears as its key and checksum and an element as its id, since the parsed model is rebuilt from
 * the deployed resource, not compared. A {@code HashSet}'s elements are sorted, as map entries are:
 * its order is the accident of its capacity, which a snapshot read back does not keep (a {@code
 * LinkedHashSet}'s order is kept and compared).
 */
public final class StateDump {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .registerModule(
              new SimpleModule()
                  .addSerializer(ProcessDefinition.class, new ToText<>(d -> d.key() + "/" + d.bpmnProcessId() + "@" + d.checksum()))
                  .addSerializer(ExecutableElement.class, new ToText<>(ExecutableElement::id))
                  .addSerializer(HashSet.class, new UnorderedHashSet()));

  private StateDump() {}

  public static String of(EngineState state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the engine state cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("rawtypes")
  private static final class UnorderedHashSet extends JsonSerializer<HashSet> {
    @Override
    @SuppressWarnings("unchecked")
    public void serialize(HashSet set, JsonGenerator generator, SerializerProvider serializers) throws IOException {
      List<Object> elements = new ArrayList<>(set);
      if (set.getClass() == HashSet.class && elements.stream().allMatch(Comparable.class::isInstance)) {
        elements.sort((a, b) -> ((Comparable<Object>) a).compareTo(b));
      }
      serializers.defaultSerializeValue(elements, generator);
    }
  }

  private static final class ToText<T> extends JsonSerializer<T> {
    private final java.util.function.Function<T, String> text;

    ToText(java.util.function.Function<T, String> text) {
      this.text = text;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider serializers) throws IOException {
      generator.writeString(text.apply(value));
    }
  }
}
