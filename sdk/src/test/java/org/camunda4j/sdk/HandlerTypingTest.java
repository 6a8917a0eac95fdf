package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The compiler enforces what the seed's type checker does: each strategy gives its handler the
 * context it can actually provide, and a handler that asks for more does not compile.
 */
class HandlerTypingTest {

  @TempDir
  Path output;

  private List<String> compile(String body) throws Exception {
    String source = """
        import org.camunda4j.sdk.*;
        import java.util.Map;
        import java.util.concurrent.CompletableFuture;
        class Snippet {
          void register(CamundaClient client, CamundaAsyncClient async, WorkerConfig config) {
            %s
          }
        }
        """.formatted(body);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaFileObject snippet = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("-classpath", classpath(), "-d", output.toString(), "-proc:none");
      compiler.getTask(null, files, diagnostics, options, null, List.of(snippet)).call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  /** The SDK's classes and the slf4j API (JobContext.log() returns a Logger). */
  private static String classpath() throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    for (Class<?> anchor : List.of(CamundaClient.class, org.slf4j.Logger.class)) {
      entries.add(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // AUTO: the lambda a Java developer writes first, without a type; blocking or returning a stage
      "client.createJobWorker(config, job -> Map.of(\"done\", true));",
      "async.createJobWorker(config, job -> { job.log().info(\"working\"); return null; });",
      "client.createJobWorker(config, job -> job.client().publishMessage(MessagePublicationRequest.of(\"m\", \"k\")));",
      "async.createJobWorker(config, job -> job.client().async().publishMessage(MessagePublicationRequest.of(\"m\", \"k\")));",
      "async.createJobWorker(config, job -> CompletableFuture.supplyAsync(() -> Map.of(\"done\", true)));",
      "client.createJobWorker(config, (SyncJobContext job) -> null);",
      "client.createJobWorker(config, ExecutionStrategy.AUTO, job -> Map.of());",
      // explicit strategies infer the lambda's type from the strategy constant
      "client.createJobWorker(config, ExecutionStrategy.ASYNC, job -> job.client().topology());",
      "client.createJobWorker(config, ExecutionStrategy.THREAD, job -> job.client().topology());",
      "client.createJobWorker(config, ExecutionStrategy.VIRTUAL, job -> { job.extendTimeout(java.time.Duration.ofMinutes(1)); return null; });",
      "client.createJobWorker(config, ExecutionStrategy.PROCESS, job -> Map.of(\"n\", job.variables().get(\"n\")));",
      "client.createJobWorker(config, ExecutionStrategy.PROCESS, job -> { job.log().info(\"hi\"); return null; }, java.time.Duration.ofSeconds(2));"
  })
  void aHandlerThatAsksForWhatItsStrategyGivesCompiles(String registration) throws Exception {
    assertThat(compile(registration)).isEmpty();
  }

  @Test
  void aProcessHandlerCannotAskForAClient() throws Exception {
    assertThat(compile("client.createJobWorker(config, ExecutionStrategy.PROCESS, job -> job.client());"))
        .anySatisfy(error -> assertThat(error).contains("client()"));
  }

  @Test
  void aProcessHandlerCannotTakeAConnectedContext() throws Exception {
    assertThat(compile(
        "client.createJobWorker(config, ExecutionStrategy.PROCESS, (ConnectedJobContext job) -> null);"))
        .isNotEmpty();
  }

  @Test
  void aThreadHandlerCannotTakeTheAsyncContext() throws Exception {
    assertThat(compile(
        "client.createJobWorker(config, ExecutionStrategy.THREAD, (ConnectedJobContext job) -> CompletableFuture.completedFuture(null));"))
        .isNotEmpty();
  }

  @Test
  void anAsyncHandlerMustReturnAStage() throws Exception {
    assertThat(compile("client.createJobWorker(config, ExecutionStrategy.ASYNC, job -> Map.of());")).isNotEmpty();
  }

  @Test
  void theBlockingClientInAThreadHandlerHasNoFutures() throws Exception {
    assertThat(compile("client.createJobWorker(config, ExecutionStrategy.THREAD, job -> job.client().topology().join());"))
        .isNotEmpty();
  }
}
