package org.camunda4j.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineClock;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.testing.internal.CurrentContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CamundaTest}: starts an engine per test method or per class,
 * fills in fields and parameters (see {@link CamundaTest}), and closes it all afterwards. Usable
 * directly with {@code @ExtendWith(CamundaExtension.class)}, which means the {@link CamundaTest}
 * defaults.
 */
public final class CamundaExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CamundaExtension.class);
  private static final String CONTEXT = "context";
  private static final String WORKERS_BEFORE = "workersBefore";

  /** What a test can ask for, and how to get it from the context. */
  private static final Map<Class<?>, Function<CamundaTestContext, Object>> INJECTABLE =
      injectable();

  private static Map<Class<?>, Function<CamundaTestContext, Object>> injectable() {
    Map<Class<?>, Function<CamundaTestContext, Object>> map = new LinkedHashMap<>();
    map.put(CamundaTestContext.class, c -> c);
    map.put(CamundaClient.class, CamundaTestContext::client);
    map.put(CamundaAsyncClient.class, CamundaTestContext::asyncClient);
    map.put(EngineClock.class, CamundaTestContext::clock);
    map.put(Engine.class, CamundaTestContext::engine);
    return Map.copyOf(map);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Settings settings = Settings.of(context);
    if (settings.scope() == EngineScope.PER_CLASS) {
      context.getStore(NAMESPACE).put(CONTEXT, settings.startContext());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Settings settings = Settings.of(context);
    CamundaTestContext camunda;
    if (settings.scope() == EngineScope.PER_METHOD) {
      camunda = settings.startContext();
      context.getStore(NAMESPACE).put(CONTEXT, camunda);
    } else {
      camunda = contextOf(context).orElseThrow();
      context.getStore(NAMESPACE).put(WORKERS_BEFORE, camunda.workersNow());
    }
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      injectFields(instance, camunda);
    }
    CurrentContext.bind(camunda);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    CurrentContext.unbind();
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    CamundaTestContext own = store.remove(CONTEXT, CamundaTestContext.class);
    if (own != null) {
      own.close();
      return;
    }
    // A shared engine: undo what this test changed that would surprise the next one.
    @SuppressWarnings("unchecked")
    Set<JobWorker> before = store.remove(WORKERS_BEFORE, Set.class);
    contextOf(context).ifPresent(shared -> {
      shared.closeWorkersExcept(before == null ? Set.of() : before);
      if (shared.clock().isPinned()) {
        shared.clock().reset();
      }
    });
  }

  @Override
  public void afterAll(ExtensionContext context) {
    CamundaTestContext shared = context.getStore(NAMESPACE).remove(CONTEXT, CamundaTestContext.class);
    if (shared != null) {
      shared.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CamundaTestContext camunda = contextOf(context).orElseThrow(() -> new ExtensionConfigurationException(
        "no camunda4j engine is running here: with EngineScope.PER_METHOD, @BeforeAll methods and test"
            + " constructors cannot receive " + parameter.getParameter().getType().getSimpleName()));
    Function<CamundaTestContext, Object> injection = INJECTABLE.get(parameter.getParameter().getType());
    if (injection == null) { // supportsParameter said no: JUnit does not ask then
      throw new ExtensionConfigurationException("camunda4j cannot inject " + parameter.getParameter().getType());
    }
    return injection.apply(camunda);
  }

  private static Optional<CamundaTestContext> contextOf(ExtensionContext context) {
    // Store lookups fall through to the parent (class) context, so this finds either scope's engine.
    return Optional.ofNullable(context.getStore(NAMESPACE).get(CONTEXT, CamundaTestContext.class));
  }

  private static void injectFields(Object instance, CamundaTestContext camunda) {
    for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        var value = INJECTABLE.get(field.getType());
        if (value == null || Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
          continue;
        }
        try {
          field.setAccessible(true);
          field.set(instance, value.apply(camunda));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new ExtensionConfigurationException("cannot inject " + type.getSimpleName() + "." + field.getName(), e);
        }
      }
    }
  }

  /** The {@link CamundaTest} of the test class (or an enclosing class), or its defaults. */
  private record Settings(
      EngineScope scope, String[] deploy, Map<String, String> configuration, Duration await, TestAuthentication authentication,
      List<String> tenants, boolean authorizations) {

    static Settings of(ExtensionContext context) {
      Optional<CamundaTest> annotation = Optional.empty();
      for (Class<?> type = context.getRequiredTestClass(); type != null && annotation.isEmpty(); type = type.getEnclosingClass()) {
        annotation = AnnotationSupport.findAnnotation(type, CamundaTest.class);
      }
      if (annotation.isEmpty()) {
        return new Settings(EngineScope.PER_METHOD, new String[0], Map.of(), Duration.ofSeconds(30), TestAuthentication.NONE, List.of(),
            false);
      }
      CamundaTest test = annotation.get();
      return new Settings(test.scope(), test.deploy(), parse(test.configuration()), Duration.ofMillis(test.awaitMillis()),
          test.authentication(), List.of(test.tenants()), test.authorizations());
    }

    private static Map<String, String> parse(String[] pairs) {
      Map<String, String> configuration = new LinkedHashMap<>();
      for (String pair : pairs) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new ExtensionConfigurationException(
              "@CamundaTest(configuration) takes KEY=VALUE pairs, got '" + pair + "'");
        }
        configuration.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
      return configuration;
    }

    CamundaTestContext startContext() {
      CamundaTestContext camunda = CamundaTestContext.start(configuration, await, authentication, tenants, authorizations);
      try {
        if (deploy.length > 0) {
          camunda.deploy(deploy);
        }
        return camunda;
      } catch (RuntimeException e) {
        camunda.close();
        throw e;
      }
    }
  }
}
