package org.camunda4j.engine.internal.log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.model.DeploymentException;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TransformedProcess;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * The engine state as bytes, so that a restart loads it instead of replaying the whole log.
 *
 * <p>Java serialisation of the whole object graph of {@link EngineState}: generic over its fields
 * (state added later is written without code here; a type that is not {@link Serializable} fails
 * every engine test's snapshot check at once), keeps the exact collection types and the sharing of
 * objects between indexes, and needs no per-type mapping. Deployed processes are the exception: a
 * snapshot holds their resources, transformed again on load like a replayed deployment, and every
 * reference to a parsed process or element is written as its key and id.
 *
 * <p>Layout: a magic number, the format, the CRC-32C of the body and its length, then the body; a
 * snapshot whose bytes changed is detected before it is read. Only the engine's own types and the
 * JDK's are read back. A snapshot belongs to the build that wrote it: one whose state types changed
 * does not read it ({@link CorruptSnapshotException}).
 */
public final class SnapshotCodec {

  private static final int MAGIC = 0xC4_5A_AB_01;
  private static final int FORMAT = 1;
  private static final ObjectInputFilter ONLY_STATE_TYPES =
      ObjectInputFilter.Config.createFilter("org.camunda4j.engine.internal.**;java.**;!*");

  private final BpmnTransformer transformer;

  public SnapshotCodec(BpmnTransformer transformer) {
    this.transformer = transformer;
  }

  /** A deployed process as the snapshot keeps it: what its deployment event carries, not the parsed model. */
  private record StoredDefinition(
      long key, String bpmnProcessId, int version, String resourceName, String checksum, String tenantId, long deploymentKey,
      byte[] resource) implements Serializable {}

  private record DefinitionRef(long key) implements Serializable {}

  private record ElementRef(long definitionKey, String elementId) implements Serializable {}

  public byte[] write(EngineState state) {
    List<StoredDefinition> stored = new ArrayList<>();
    Map<Object, Object> refs = new IdentityHashMap<>();
    for (ProcessDefinition d : state.definitions()) {
      stored.add(
          new StoredDefinition(d.key(), d.bpmnProcessId(), d.version(), d.resourceName(), d.checksum(), d.tenantId(), d.deploymentKey(),
              d.resource()));
      refs.put(d, new DefinitionRef(d.key()));
      refs.put(d.process(), new ElementRef(d.key(), d.process().id()));
      for (ExecutableElement element : d.elements().values()) {
        refs.put(element, new ElementRef(d.key(), element.id()));
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
    try (ObjectOutputStream out = new StateOutput(body, refs)) {
      out.writeObject(stored);
      out.writeObject(state);
    } catch (NotSerializableException e) {
      throw new IllegalStateException(
          "the engine state holds a " + e.getMessage() + ", which a snapshot cannot hold: make it java.io.Serializable", e);
    } catch (IOException e) {
      throw new IllegalStateException("the engine state cannot be written as a snapshot: " + e, e);
    }
    byte[] bytes = body.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    ByteArrayOutputStream framed = new ByteArrayOutputStream(bytes.length + 20);
    try (DataOutputStream out = new DataOutputStream(framed)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt((int) crc.getValue());
      out.writeInt(bytes.length);
      out.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return framed.toByteArray();
  }

  /** Reads a snapshot back into new state; one that was changed, cut short or written by another build throws {@link CorruptSnapshotException}. */
  public EngineState read(byte[] snapshot) {
    byte[] body;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      if (in.readInt() != MAGIC) {
        throw new CorruptSnapshotException("it does not start like a snapshot", null);
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new CorruptSnapshotException("its format " + format + " is not this engine's (" + FORMAT + ")", null);
      }
      int expectedCrc = in.readInt();
      int length = in.readInt();
      if (length < 0 || length != snapshot.length - 16) {
        throw new CorruptSnapshotException("it holds " + (snapshot.length - 16) + " bytes where its header says " + length, null);
      }
      body = in.readNBytes(length);
      CRC32C crc = new CRC32C();
      crc.update(body);
      if ((int) crc.getValue() != expectedCrc) {
        throw new CorruptSnapshotException("its checksum does not match its bytes", null);
      }
    } catch (IOException e) {
      throw new CorruptSnapshotException("it is cut short", e);
    }
    try (StateInput in = new StateInput(new ByteArrayInputStream(body))) {
      @SuppressWarnings("unchecked")
      List<StoredDefinition> stored = (List<StoredDefinition>) in.readObject();
      in.definitions = transform(stored);
      return (EngineState) in.readObject();
    } catch (InvalidClassException e) {
      throw new CorruptSnapshotException("it was written by an engine build whose state types differ (" + e.getMessage() + ")", e);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new CorruptSnapshotException(e.toString(), e);
    }
  }

  /** Transforms each deployed resource once and takes the processes of the recorded ids from it. */
  private Map<Long, ProcessDefinition> transform(List<StoredDefinition> stored) throws IOException {
    Map<String, List<TransformedProcess>> byResource = new HashMap<>();
    Map<Long, ProcessDefinition> definitions = new HashMap<>();
    for (StoredDefinition s : stored) {
      List<TransformedProcess> processes = byResource.get(s.resourceName() + "\0" + s.checksum());
      if (processes == null) {
        try {
          processes = transformer.transform(s.resourceName(), s.resource());
        } catch (DeploymentException e) {
          throw new IOException("the deployed resource '" + s.resourceName() + "' no longer transforms: " + e.getMessage(), e);
        }
        byResource.put(s.resourceName() + "\0" + s.checksum(), processes);
      }
      TransformedProcess process =
          processes.stream()
              .filter(p -> p.bpmnProcessId().equals(s.bpmnProcessId()))
              .findFirst()
              .orElseThrow(() -> new IOException("the deployed resource '" + s.resourceName() + "' has no process '" + s.bpmnProcessId() + "'"));
      definitions.put(
          s.key(),
          new ProcessDefinition(
              s.key(), s.bpmnProcessId(), process.name(), s.version(), process.versionTag(), s.resourceName(), s.checksum(), s.tenantId(),
              s.deploymentKey(), process.process(), process.elements(), s.resource()));
    }
    return definitions;
  }

  /** A snapshot that cannot be read back. */
  public static final class CorruptSnapshotException extends RuntimeException {
    CorruptSnapshotException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final class StateOutput extends ObjectOutputStream {
    private final Map<Object, Object> refs;
    /** Equal strings written once: every job, instance and record repeats its type, ids and tenant. */
    private final Map<String, String> strings = new HashMap<>();

    StateOutput(OutputStream out, Map<Object, Object> refs) throws IOException {
      super(out);
      this.refs = refs;
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object object) {
      if (object instanceof String string) {
        return strings.computeIfAbsent(string, k -> k);
      }
      Object ref = refs.get(object);
      return ref == null ? object : ref;
    }
  }

  private static final class StateInput extends ObjectInputStream {
    private Map<Long, ProcessDefinition> definitions = Map.of();

    StateInput(InputStream in) throws IOException {
      super(in);
      setObjectInputFilter(ONLY_STATE_TYPES);
      enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object object) throws IOException {
      if (object instanceof DefinitionRef ref) {
        return definition(ref.key());
      }
      if (object instanceof ElementRef ref) {
        ProcessDefinition definition = definition(ref.definitionKey());
        return definition.process().id().equals(ref.elementId()) ? definition.process() : definition.element(ref.elementId());
      }
      return object;
    }

    private ProcessDefinition definition(long key) throws IOException {
      ProcessDefinition definition = definitions.get(key);
      if (definition == null) {
        throw new IOException("the snapshot refers to process definition " + key + ", which it does not hold");
      }
      return definition;
    }
  }
}
