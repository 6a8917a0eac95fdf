package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public API lives in org.camunda4j.sdk and never exposes an internal type in a signature. */
class ApiSurfaceTest {

  private static List<Class<?>> publicApiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(CamundaClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("org/camunda4j/sdk");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = "org.camunda4j.sdk." + file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          types.add(type);
        }
      }
    }
    return types;
  }

  private static boolean internal(Type type) {
    if (type instanceof Class<?> c) {
      return c.getName().contains(".internal.");
    }
    if (type instanceof ParameterizedType p) {
      return internal(p.getRawType()) || Stream.of(p.getActualTypeArguments()).anyMatch(ApiSurfaceTest::internal);
    }
    return false;
  }

  @Test
  void noPublicSignatureMentionsAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicApiTypes()) {
      for (Method method : type.getMethods()) {
        if (method.getDeclaringClass() != type) {
          continue;
        }
        if (internal(method.getGenericReturnType())
            || Stream.of(method.getGenericParameterTypes()).anyMatch(ApiSurfaceTest::internal)) {
          leaks.add(type.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theSeedsNamesExist() throws Exception {
    assertThat(publicApiTypes()).extracting(Class::getSimpleName).contains(
        "CamundaClient", "CamundaAsyncClient", "WorkerConfig", "JobContext", "ConnectedJobContext", "SyncJobContext",
        "JobFailure", "JobError", "JobCompletionRequest", "JobResultUserTask", "JobResultCorrections",
        "MessagePublicationRequest", "ExecutionStrategy", "JobWorker", "CamundaApiException",
        "CamundaConfigurationException");
  }
}
