package org.camunda4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.camunda4j.engine.Engine;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Compiles every ```java block of the repository's README.md (but the Quick start, which
 * {@link QuickStartTest} runs as a user's own project would) against this module's test classpath
 * and runs it, so the README cannot rot. A program runs in its own JVM against an embedded engine,
 * configured only through {@code CAMUNDA_REST_ADDRESS} as a reader's would be, and each job type its
 * workers poll must complete a job; a test class runs through the JUnit launcher and must pass.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // child JVMs start slowly on a busy machine; this only guards against a hang
class ReadmeTest {

  private static final Duration RUN_BUDGET = Duration.ofSeconds(90);

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheReadmeCompilesAndRuns() throws IOException {
    List<JavaBlock> blocks = JavaBlock.extract(Files.readString(readme(), StandardCharsets.UTF_8));
    assertThat(blocks).as("java blocks in README.md").isNotEmpty();
    return blocks.stream().filter(block -> !block.className().equals(QuickStartTest.CLASS_NAME)).map(block -> DynamicTest.dynamicTest(
        "README line " + block.line() + ": " + block.className(), () -> compileAndRun(block)));
  }

  private void compileAndRun(JavaBlock block) throws Exception {
    Path classes = compile(block);
    if (block.isTestClass()) {
      runTests(block, classes);
    } else if (block.isProgram()) {
      runProgram(block, classes);
    } else {
      throw new AssertionError("README block at line " + block.line() + " is neither a program nor a test class");
    }
  }

  // --- compiling

  private Path compile(JavaBlock block) throws IOException {
    Path dir = Files.createDirectories(work.resolve("block-" + block.line()));
    Path source = Files.writeString(dir.resolve(block.className() + ".java"), block.source());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", testClasspath(), "-d", dir.toString(), "-proc:none", "-Xlint:all");
      boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
      assertThat(ok).as("README block at line %d compiles:%n%s", block.line(), diagnostics.getDiagnostics()).isTrue();
    }
    return dir;
  }

  // --- a test class

  private static void runTests(JavaBlock block, Path classes) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeTest.class.getClassLoader())) {
      Class<?> testClass = loader.loadClass(block.className());
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
      TestExecutionSummary summary = listener.getSummary();
      StringBuilder failures = new StringBuilder();
      summary.getFailures().forEach(f -> failures.append(f.getTestIdentifier().getDisplayName()).append(": ")
          .append(f.getException()).append('\n'));
      assertThat(summary.getTestsFoundCount()).as("tests found in README block at line %d", block.line()).isPositive();
      assertThat(summary.getTotalFailureCount()).as("failures of README block at line %d:%n%s", block.line(), failures)
          .isZero();
      assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsFoundCount());
    }
  }

  // --- a program

  private void runProgram(JavaBlock block, Path classes) throws Exception {
    assertThat(block.jobTypes()).as("job types of README block at line %d", block.line()).isNotEmpty();
    try (Engine engine = Engine.start();
        CamundaAsyncClient client = CamundaAsyncClient.builder().environment(Map.of())
            .configuration(Map.of("CAMUNDA_REST_ADDRESS", engine.restAddress().toString())).buildAsync()) {
      for (String type : block.jobTypes()) {
        client.deployResources(singleTaskProcess(type)).join();
      }
      Path log = work.resolve(block.className() + ".log");
      Process program = start(block, classes, engine, log);
      try {
        List<CompletableFuture<ProcessInstanceCreationResult>> runs = new ArrayList<>();
        for (String type : block.jobTypes()) {
          runs.add(client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId(processId(type))
              .withAwaitCompletion().withRequestTimeout(RUN_BUDGET)));
        }
        for (CompletableFuture<ProcessInstanceCreationResult> run : runs) {
          assertThat(run).as("a job of README block at line %d completes; its output:%n%s", block.line(), tail(log))
              .succeedsWithin(RUN_BUDGET.plusSeconds(5));
        }
      } finally {
        program.destroy(); // SIGTERM: the client's shutdown hook closes the workers and runWorkers returns
        boolean exited = program.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
          program.destroyForcibly();
        }
        assertThat(exited).as("README program at line %d stops on SIGTERM; its output:%n%s", block.line(), tail(log))
            .isTrue();
      }
    }
  }

  private static Process start(JavaBlock block, Path classes, Engine engine, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", classes + File.pathSeparator + testClasspath(), block.className())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("CAMUNDA_") || name.startsWith("ZEEBE_"));
    env.put("CAMUNDA_REST_ADDRESS", engine.restAddress().toString());
    return builder.start();
  }

  private Path singleTaskProcess(String jobType) throws IOException {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task" />
            <bpmn:serviceTask id="Task">
              <bpmn:extensionElements><zeebe:taskDefinition type="%2$s" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId(jobType), jobType);
    return Files.writeString(work.resolve(processId(jobType) + ".bpmn"), bpmn);
  }

  private static String processId(String jobType) {
    return "readme-" + jobType;
  }

  // --- environment

  /** Surefire runs tests from a manifest-only jar; the real test classpath is in this property. */
  private static String testClasspath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir.resolve("README.md");
      }
    }
    throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
