package org.camunda4j.engine.internal.log;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.model.DeploymentException;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TransformedProcess;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.record.UserTaskEvent;

/**
 * Events as JSON, generic over the sealed hierarchies: every permitted subtype of {@link
 * EngineEvent} (and of {@link UserTaskEvent}, which one of them carries) is registered by its simple
 * name, so an event added to the hierarchy is written and read without touching this class.
 *
 * <p>A deployed process is written as its metadata and its BPMN resource, and read by transforming
 * the resource again: the log never holds the parsed model.
 */
public final class EventCodec {

  private final BpmnTransformer transformer;
  private final ObjectMapper json;
  private final ObjectWriter writer;
  private final ObjectReader reader;

  public EventCodec(BpmnTransformer transformer) {
    this.transformer = transformer;
    SimpleModule module = new SimpleModule("camunda4j-events");
    module.addSerializer(ProcessDefinition.class, new DefinitionWriter());
    module.addDeserializer(ProcessDefinition.class, new DefinitionReader(transformer));
    this.json =
        new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .registerModule(module);
    json.addMixIn(EngineEvent.class, TypedByName.class);
    json.addMixIn(UserTaskEvent.class, TypedByName.class);
    json.registerSubtypes(subtypes(EngineEvent.class));
    json.registerSubtypes(subtypes(UserTaskEvent.class));
    this.writer = json.writerFor(EngineEvent.class);
    this.reader = json.readerFor(EngineEvent.class);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
  private interface TypedByName {}

  private static NamedType[] subtypes(Class<?> sealed) {
    List<NamedType> types = new ArrayList<>();
    for (Class<?> subtype : sealed.getPermittedSubclasses()) {
      types.add(new NamedType(subtype, subtype.getSimpleName()));
    }
    return types.toArray(NamedType[]::new);
  }

  /** What reads deployments back: a snapshot of the log transforms them again with it too. */
  BpmnTransformer transformer() {
    return transformer;
  }

  public byte[] write(EngineEvent event) {
    try {
      return writer.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException("event " + event.getClass().getSimpleName() + " cannot be written as JSON", e);
    }
  }

  /** Reads an event; a payload that is not one throws {@link CorruptEventException}. */
  public EngineEvent read(byte[] payload) {
    try {
      return reader.readValue(payload);
    } catch (IOException | RuntimeException e) {
      throw new CorruptEventException("an event of the log cannot be read: " + e.getMessage(), e);
    }
  }

  /** A log record that cannot be read back. */
  public static final class CorruptEventException extends RuntimeException {
    CorruptEventException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final class DefinitionWriter extends JsonSerializer<ProcessDefinition> {
    @Override
    public void serialize(ProcessDefinition d, JsonGenerator out, SerializerProvider serializers) throws IOException {
      out.writeStartObject();
      out.writeNumberField("key", d.key());
      out.writeStringField("bpmnProcessId", d.bpmnProcessId());
      out.writeNumberField("version", d.version());
      out.writeStringField("resourceName", d.resourceName());
      out.writeStringField("checksum", d.checksum());
      out.writeStringField("tenantId", d.tenantId());
      out.writeNumberField("deploymentKey", d.deploymentKey());
      out.writeBinaryField("resource", d.resource());
      out.writeEndObject();
    }
  }

  /** Transforms the deployed resource again and takes the process of the recorded id from it. */
  private static final class DefinitionReader extends JsonDeserializer<ProcessDefinition> {
    private final BpmnTransformer transformer;

    DefinitionReader(BpmnTransformer transformer) {
      this.transformer = transformer;
    }

    @Override
    public ProcessDefinition deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.readValueAsTree();
      String bpmnProcessId = node.get("bpmnProcessId").asText();
      String resourceName = node.get("resourceName").asText();
      byte[] resource = node.get("resource").binaryValue();
      List<TransformedProcess> processes;
      try {
        synchronized (transformer) { // a replay decodes events on several threads; transforming is not meant to be shared
          processes = transformer.transform(resourceName, resource);
        }
      } catch (DeploymentException e) {
        throw new IOException("the deployed resource '" + resourceName + "' no longer transforms: " + e.getMessage(), e);
      }
      TransformedProcess process =
          processes.stream()
              .filter(p -> p.bpmnProcessId().equals(bpmnProcessId))
              .findFirst()
              .orElseThrow(() -> new IOException("the deployed resource '" + resourceName + "' has no process '" + bpmnProcessId + "'"));
      return new ProcessDefinition(
          node.get("key").asLong(), bpmnProcessId, process.name(), node.get("version").asInt(), process.versionTag(), resourceName,
          node.get("checksum").asText(), node.get("tenantId").isNull() ? null : node.get("tenantId").asText(),
          node.get("deploymentKey").asLong(), process.process(), process.elements(), resource);
    }
  }
}
