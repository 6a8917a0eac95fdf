package org.camunda4j.engine.internal.log;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.model.DeploymentException;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TransformedProcess;
import org.camunda4j.engine.internal.state.EngineState;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The engine state as bytes, so that a restart loads it instead of replaying the whole log.
 *
 * <p>Kryo over the whole object graph of {@link EngineState}: generic over its fields (state added
 * later is written without code here), keeps the exact collection types and the sharing of objects
 * between indexes, reads records through their canonical constructors, and writes equal strings
 * once. It is about twice as fast as Java serialisation both ways, at half the size (see
 * docs/decisions.md). Deployed processes are the exception: a snapshot holds their resources,
 * transformed again on load like a replayed deployment (or taken from {@code deployed} when the
 * caller already has them), and every reference to a parsed process or element is written as its
 * key and id.
 *
 * <p>Layout: a magic number, the format, the CRC-32C of the rest and its length; then the layout of
 * each engine type the snapshot holds (its name and a hash of its fields), then the body. A
 * snapshot whose bytes changed is detected before it is read; one written by a build whose state
 * types differ is refused, naming the type ({@link CorruptSnapshotException}), rather than misread.
 * Only the engine's own types and the JDK's are read back.
 */
public final class SnapshotCodec {

  static {
    // Kryo's sun.misc.Unsafe paths warn on current JDKs and are to go; the reflective ones are fast enough here
    if (System.getProperty("kryo.unsafe") == null) {
      System.setProperty("kryo.unsafe", "false");
    }
  }

  private static final int MAGIC = 0xC4_5A_AB_01;
  private static final int FORMAT = 2;
  private static final String STATE_TYPES = "org.camunda4j.engine.internal.";

  /** Loads only the engine's state types and the JDK's: a snapshot names the classes it holds. */
  private static final ClassLoader ONLY_STATE_TYPES =
      new ClassLoader(SnapshotCodec.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
          if (!name.startsWith(STATE_TYPES) && !name.startsWith("java.")) {
            throw new ClassNotFoundException("a snapshot holds only the engine's state types and the JDK's, not " + name);
          }
          return super.loadClass(name, resolve);
        }
      };

  private final BpmnTransformer transformer;

  public SnapshotCodec(BpmnTransformer transformer) {
    this.transformer = transformer;
  }

  /** A deployed process as the snapshot keeps it: what its deployment event carries, not the parsed model. */
  private record StoredDefinition(
      long key, String bpmnProcessId, int version, String resourceName, String checksum, String tenantId, long deploymentKey,
      byte[] resource) {}

  private record ElementRef(long definitionKey, String elementId) {}

  public byte[] write(EngineState state) {
    List<StoredDefinition> stored = new ArrayList<>();
    Map<ExecutableElement, ElementRef> elements = new IdentityHashMap<>();
    for (ProcessDefinition d : state.definitions()) {
      stored.add(
          new StoredDefinition(d.key(), d.bpmnProcessId(), d.version(), d.resourceName(), d.checksum(), d.tenantId(), d.deploymentKey(),
              d.resource()));
      elements.put(d.process(), new ElementRef(d.key(), d.process().id()));
      for (ExecutableElement element : d.elements().values()) {
        elements.put(element, new ElementRef(d.key(), element.id()));
      }
    }
    StateTypes types = new StateTypes();
    Kryo kryo = kryo(types, elements, Map.of());
    Output body = new Output(1 << 16, -1);
    try {
      kryo.writeObject(body, stored.toArray(StoredDefinition[]::new));
      kryo.writeObject(body, state);
    } catch (KryoException e) {
      throw new IllegalStateException("the engine state cannot be written as a snapshot: " + e.getMessage(), e);
    }
    ByteArrayOutputStream framed = new ByteArrayOutputStream(body.position() + 4096);
    try (DataOutputStream out = new DataOutputStream(framed)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt(0); // CRC and length, filled in below
      out.writeInt(0);
      out.writeInt(types.used.size());
      for (Class<?> type : types.used) {
        out.writeUTF(type.getName());
        out.writeInt(layout(type));
      }
      out.write(body.getBuffer(), 0, body.position());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    byte[] bytes = framed.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(bytes, 16, bytes.length - 16);
    putInt(bytes, 8, (int) crc.getValue());
    putInt(bytes, 12, bytes.length - 16);
    return bytes;
  }

  /** Reads a snapshot back into new state; one that was changed, cut short or written by another build throws {@link CorruptSnapshotException}. */
  public EngineState read(byte[] snapshot) {
    return read(snapshot, Map.of());
  }

  /**
   * As {@link #read(byte[])}; a deployed process found in {@code deployed} (by key) is taken from
   * there instead of transformed again, for a caller that already holds the parsed processes.
   */
  public EngineState read(byte[] snapshot, Map<Long, ProcessDefinition> deployed) {
    int bodyStart;
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
      CRC32C crc = new CRC32C();
      crc.update(snapshot, 16, length);
      if ((int) crc.getValue() != expectedCrc) {
        throw new CorruptSnapshotException("its checksum does not match its bytes", null);
      }
      int typeCount = in.readInt();
      for (int i = 0; i < typeCount; i++) {
        checkLayout(in.readUTF(), in.readInt());
      }
      bodyStart = snapshot.length - in.available();
    } catch (IOException e) {
      throw new CorruptSnapshotException("it is cut short", e);
    }
    Input body = new Input(snapshot, bodyStart, snapshot.length - bodyStart);
    try {
      StoredDefinition[] stored = kryo(new StateTypes(), Map.of(), Map.of()).readObject(body, StoredDefinition[].class);
      Map<Long, ProcessDefinition> definitions = transform(Arrays.asList(stored), deployed);
      // the definitions are read with a Kryo of their own: the state's one resolves references to them
      EngineState state = kryo(new StateTypes(), Map.of(), definitions).readObject(body, EngineState.class);
      state.reindex(); // the indexes derived from the state are not in the snapshot
      return state;
    } catch (IOException | RuntimeException e) {
      throw new CorruptSnapshotException(e.toString(), e);
    }
  }

  private static void checkLayout(String name, int layout) {
    Class<?> type;
    try {
      type = Class.forName(name, false, ONLY_STATE_TYPES);
    } catch (ClassNotFoundException e) {
      throw new CorruptSnapshotException("it was written by an engine build with a state type this one lacks: " + name, e);
    }
    if (layout(type) != layout) {
      throw new CorruptSnapshotException(
          "it was written by an engine build whose state types differ: the fields of " + name + " changed", null);
    }
  }

  /**
   * What decides how Kryo writes {@code type}: its record components, enum constants or fields
   * (with their types and declaring classes), as a hash. Another build with the same hash reads the
   * snapshot; one that differs would misread it.
   */
  static int layout(Class<?> type) {
    StringBuilder text = new StringBuilder(type.getName());
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        text.append(';').append(component.getName()).append(':').append(component.getGenericType().getTypeName());
      }
    } else if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        text.append(';').append(((Enum<?>) constant).name());
      }
    } else {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
            text.append(';').append(c.getName()).append('.').append(field.getName()).append(':').append(field.getGenericType().getTypeName());
          }
        }
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  /** Transforms each deployed resource once and takes the processes of the recorded ids from it. */
  private Map<Long, ProcessDefinition> transform(List<StoredDefinition> stored, Map<Long, ProcessDefinition> deployed) throws IOException {
    Map<String, List<TransformedProcess>> byResource = new HashMap<>();
    Map<Long, ProcessDefinition> definitions = new HashMap<>();
    for (StoredDefinition s : stored) {
      ProcessDefinition known = deployed.get(s.key());
      if (known != null) {
        definitions.put(s.key(), known);
        continue;
      }
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

  /**
   * A Kryo for one write or read (Kryo is not thread-safe, and one costs little next to a state):
   * classes by name, object sharing kept, equal strings once, records by their canonical
   * constructor, objects without a no-argument constructor created without one, as Java
   * serialisation does; parsed processes and elements by reference.
   */
  private static Kryo kryo(StateTypes types, Map<ExecutableElement, ElementRef> elements, Map<Long, ProcessDefinition> definitions) {
    Kryo kryo = new Kryo(types, new StringsOnce());
    kryo.setRegistrationRequired(false);
    kryo.setClassLoader(ONLY_STATE_TYPES);
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
    ReadOnlyView.register(kryo);
    kryo.register(StoredDefinition.class);
    kryo.register(StoredDefinition[].class);
    kryo.register(ProcessDefinition.class, new DefinitionByKey(definitions));
    kryo.register(ExecutableElement.class, new ElementById(elements, definitions));
    return kryo;
  }

  /** Class names as Kryo writes them the first time, remembering which engine types the snapshot holds. */
  private static final class StateTypes extends DefaultClassResolver {
    final Set<Class<?>> used = new LinkedHashSet<>();

    @Override
    public Registration registerImplicit(Class type) {
      if (type.getName().startsWith(STATE_TYPES)) {
        used.add(type.isArray() ? type.componentType() : type);
      }
      return super.registerImplicit(type);
    }
  }

  /** Shared objects once, as Kryo does; and equal strings once: every job, instance and record repeats its type, ids and tenant. */
  private static final class StringsOnce extends MapReferenceResolver {
    private final Map<String, Integer> strings = new HashMap<>();

    @Override
    public boolean useReferences(Class type) {
      return type == String.class || super.useReferences(type);
    }

    @Override
    public int getWrittenId(Object object) {
      if (object instanceof String string) {
        Integer id = strings.get(string);
        return id == null ? -1 : id;
      }
      return super.getWrittenId(object);
    }

    @Override
    public int addWrittenObject(Object object) {
      int id = super.addWrittenObject(object);
      if (object instanceof String string) {
        strings.put(string, id);
      }
      return id;
    }

    @Override
    public void reset() {
      super.reset();
      strings.clear();
    }
  }

  /**
   * The JDK's read-only views ({@code Collections.unmodifiableMap} and its kin, e.g. a task listener
   * job's headers). Kryo would rebuild one empty and then fail adding to it, so a view travels as a
   * copy of what it shows, in its order, and is wrapped again on read.
   */
  private static final class ReadOnlyView<T> extends Serializer<T> {
    private final java.util.function.Function<T, Object> copy;
    private final java.util.function.Function<Object, T> wrap;

    private ReadOnlyView(java.util.function.Function<T, Object> copy, java.util.function.Function<Object, T> wrap) {
      this.copy = copy;
      this.wrap = wrap;
    }

    @SuppressWarnings("unchecked")
    static void register(Kryo kryo) {
      ReadOnlyView<Map<Object, Object>> map = new ReadOnlyView<>(java.util.LinkedHashMap::new, m -> java.util.Collections.unmodifiableMap((Map<Object, Object>) m));
      ReadOnlyView<Set<Object>> set = new ReadOnlyView<>(LinkedHashSet::new, m -> java.util.Collections.unmodifiableSet((Set<Object>) m));
      ReadOnlyView<List<Object>> list = new ReadOnlyView<>(ArrayList::new, m -> java.util.Collections.unmodifiableList((List<Object>) m));
      ReadOnlyView<java.util.Collection<Object>> collection =
          new ReadOnlyView<>(ArrayList::new, m -> java.util.Collections.unmodifiableCollection((java.util.Collection<Object>) m));
      kryo.register(java.util.Collections.unmodifiableMap(new HashMap<>()).getClass(), map);
      kryo.register(java.util.Collections.unmodifiableSet(new java.util.HashSet<>()).getClass(), set);
      kryo.register(java.util.Collections.unmodifiableList(new ArrayList<>()).getClass(), list);
      kryo.register(java.util.Collections.unmodifiableList(new java.util.LinkedList<>()).getClass(), list);
      kryo.register(java.util.Collections.unmodifiableCollection(new ArrayList<>()).getClass(), collection);
    }

    @Override
    public void write(Kryo kryo, Output output, T view) {
      kryo.writeClassAndObject(output, copy.apply(view));
    }

    @Override
    public T read(Kryo kryo, Input input, Class<? extends T> type) {
      return wrap.apply(kryo.readClassAndObject(input));
    }
  }

  private static final class DefinitionByKey extends Serializer<ProcessDefinition> {
    private final Map<Long, ProcessDefinition> definitions;

    DefinitionByKey(Map<Long, ProcessDefinition> definitions) {
      this.definitions = definitions;
    }

    @Override
    public void write(Kryo kryo, Output output, ProcessDefinition definition) {
      output.writeLong(definition.key());
    }

    @Override
    public ProcessDefinition read(Kryo kryo, Input input, Class<? extends ProcessDefinition> type) {
      return definition(definitions, input.readLong());
    }
  }

  private static final class ElementById extends Serializer<ExecutableElement> {
    private final Map<ExecutableElement, ElementRef> elements;
    private final Map<Long, ProcessDefinition> definitions;

    ElementById(Map<ExecutableElement, ElementRef> elements, Map<Long, ProcessDefinition> definitions) {
      this.elements = elements;
      this.definitions = definitions;
    }

    @Override
    public void write(Kryo kryo, Output output, ExecutableElement element) {
      ElementRef ref = elements.get(element);
      if (ref == null) {
        throw new KryoException("the state refers to element '" + element.id() + "' of a process that is not deployed");
      }
      output.writeLong(ref.definitionKey());
      output.writeString(ref.elementId());
    }

    @Override
    public ExecutableElement read(Kryo kryo, Input input, Class<? extends ExecutableElement> type) {
      ProcessDefinition definition = definition(definitions, input.readLong());
      String id = input.readString();
      return definition.process().id().equals(id) ? definition.process() : definition.element(id);
    }
  }

  private static ProcessDefinition definition(Map<Long, ProcessDefinition> definitions, long key) {
    ProcessDefinition definition = definitions.get(key);
    if (definition == null) {
      throw new KryoException("the snapshot refers to process definition " + key + ", which it does not hold");
    }
    return definition;
  }

  private static void putInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  /** A snapshot that cannot be read back. */
  public static final class CorruptSnapshotException extends RuntimeException {
    CorruptSnapshotException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
