package org.camunda4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.camunda4j.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it in your project" and "Quick start" as a user meets them: a scratch project
 * holding only the README's {@code QuickStart.java} and the {@code one-task.bpmn} it links to, built
 * and run on the classpath the README's dependencies give a Maven project (the SDK, the run-time
 * dependencies its pom declares, and the SLF4J binding the README names; no engine, no examples, no
 * test kit), taken from this build rather than resolved again to keep the test quick; it runs
 * against a running engine. Every command of the README's bash blocks exists and explains itself.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // child JVMs start slowly on a busy machine; this only guards against a hang
class QuickStartTest {

  static final String CLASS_NAME = "QuickStart";

  /** What jackson-databind itself brings, as Maven resolves it for a project depending on the SDK. */
  private static final List<String> JACKSON_DATABIND_NEEDS = List.of("jackson-core", "jackson-annotations");

  private static final Pattern DEPENDENCY = Pattern.compile(
      "<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>(?:\\s*<version>([^<]+)</version>)?");

  @TempDir
  Path project;

  @Test
  void theQuickStartRunsAsWrittenInAProjectOfItsOwn() throws Exception {
    String readme = Files.readString(ReadmeTest.readme(), StandardCharsets.UTF_8);
    String binding = bindingNamedIn(readme);
    JavaBlock quickStart = JavaBlock.extract(readme).stream()
        .filter(block -> block.className().equals(CLASS_NAME)).findFirst().orElseThrow();
    Files.copy(ReadmeTest.readme().resolveSibling("examples/src/main/resources/one-task.bpmn"), project.resolve("one-task.bpmn"));
    Path source = Files.writeString(Files.createDirectories(project.resolve("src/main/java")).resolve("QuickStart.java"),
        quickStart.source());
    List<String> classpath = userClasspath(binding);
    Path classes = compile(source, classpath);

    try (Engine engine = Engine.start()) {
      ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classes + File.pathSeparator + String.join(File.pathSeparator, classpath), CLASS_NAME)
          .directory(project.toFile())
          .redirectErrorStream(true);
      run.environment().keySet().removeIf(name -> name.startsWith("CAMUNDA_") || name.startsWith("ZEEBE_"));
      run.environment().put("CAMUNDA_REST_ADDRESS", engine.restAddress().toString());
      Process program = run.start();
      String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(program.waitFor(120, TimeUnit.SECONDS)).as("QuickStart ends on its own").isTrue();

      assertThat(program.exitValue()).as(output).isZero();
      assertThat(output).as("what the README says the user sees")
          .containsPattern("INFO org\\.camunda4j\\.sdk\\.internal\\.worker\\.DefaultJobWorker - Worker '[^']+' started for"
              + " job type 'my-service-task' \\(AUTO strategy, up to 10 jobs at once, lock 30000 ms\\)")
          .containsPattern("INFO org\\.camunda4j\\.sdk\\.job - (?=.*jobType=my-service-task )(?=.*workerName=\\S+ )"
              + "(?:\\w+=\\S+ ){3}Processing job \\d+: \\{orderId=o-1\\}")
          .containsPattern("(?m)^Instance \\d+ completed with result=processed$")
          .doesNotContain("SLF4J");
    }
  }

  @Test
  void theCoordinatesAreThoseOfThisBuildAndEveryReadmeCommandExists() throws Exception {
    String readme = Files.readString(ReadmeTest.readme(), StandardCharsets.UTF_8);
    String version = projectVersion();
    assertThat(tag(Files.readString(ReadmeTest.readme().resolveSibling("bom/pom.xml")), "version"))
        .as("the BOM's version (it has no parent, so it is kept in step by hand)").isEqualTo(version);
    assertThat(readme).contains("<artifactId>camunda4j-bom</artifactId>\n      <version>" + version + "</version>")
        .contains("platform(\"org.camunda4j:camunda4j-bom:" + version + "\")");

    Path script = ReadmeTest.readme().resolveSibling("bin/camunda4j");
    Matcher command = Pattern.compile("(?m)^bin/camunda4j (\\w+)").matcher(readme);
    List<String> commands = new ArrayList<>();
    while (command.find()) {
      commands.add(command.group(1));
    }
    assertThat(commands).contains("install", "engine", "demo", "test");
    for (String name : commands.stream().distinct().filter(name -> !name.equals("engine") && !name.equals("demo")).toList()) {
      Process help = new ProcessBuilder(script.toString(), name, "--help").redirectErrorStream(true).start();
      String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(help.exitValue()).as("bin/camunda4j %s --help: %s", name, output).isZero();
    }
  }

  /** The artifactId of the README's runtime-scoped SLF4J binding. */
  private static String bindingNamedIn(String readme) {
    Matcher dependency = DEPENDENCY.matcher(readme);
    while (dependency.find()) {
      if (dependency.group(1).equals("org.slf4j")) {
        assertThat(dependency.group(3)).as("the binding's version").isEqualTo(slf4jVersion());
        return dependency.group(2);
      }
    }
    throw new AssertionError("the README names no SLF4J binding");
  }

  /** The test classpath cut down to the artifacts a user's project resolves; each must be there. */
  private static List<String> userClasspath(String binding) {
    String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> wanted = new ArrayList<>(sdkRuntimeDependencies());
    wanted.add("camunda4j-sdk");
    wanted.addAll(JACKSON_DATABIND_NEEDS);
    wanted.add(binding);
    // Netty's modules come as a family (netty-codec-http needs buffer, transport, codec, ...): a project
    // depending on the SDK gets the whole family at the version the SDK names, as this build does.
    boolean netty = wanted.stream().anyMatch(artifact -> artifact.startsWith("netty-"));
    List<String> entries = Arrays.stream(all.split(File.pathSeparator))
        .filter(entry -> wanted.stream().anyMatch(artifact -> isArtifact(entry, artifact))
            || (netty && Path.of(entry).getFileName().toString().matches("netty-[a-z0-9-]+-\\d[^/]*\\.jar")))
        .toList();
    for (String artifact : wanted) {
      assertThat(entries).as("%s on the classpath", artifact).anyMatch(entry -> isArtifact(entry, artifact));
    }
    return entries;
  }

  /** The artifactIds the SDK's pom declares for run time: neither test-scoped nor optional. */
  private static List<String> sdkRuntimeDependencies() {
    try {
      List<String> artifacts = new ArrayList<>();
      Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL)
          .matcher(Files.readString(ReadmeTest.readme().resolveSibling("sdk/pom.xml")));
      while (dependency.find()) {
        String declaration = dependency.group(1);
        if (!declaration.contains("<scope>test</scope>") && !declaration.contains("<optional>true</optional>")) {
          artifacts.add(tag(declaration, "artifactId"));
        }
      }
      assertThat(artifacts).as("the SDK's run-time dependencies").contains("jackson-databind", "slf4j-api");
      return artifacts;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A jar named {@code artifact-<version>.jar}, or the SDK's classes in this build. */
  private static boolean isArtifact(String entry, String artifact) {
    String name = Path.of(entry).getFileName().toString();
    if (artifact.equals("camunda4j-sdk") && entry.replace('\\', '/').endsWith("/sdk/target/classes")) {
      return true;
    }
    return name.matches(Pattern.quote(artifact) + "-\\d[^/]*\\.jar");
  }

  private Path compile(Path source, List<String> classpath) throws IOException {
    Path classes = Files.createDirectories(project.resolve("target/classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", String.join(File.pathSeparator, classpath), "-d", classes.toString(),
          "-proc:none", "-Xlint:all", "-Werror");
      boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
      assertThat(ok).as("QuickStart.java compiles with the SDK alone:%n%s", diagnostics.getDiagnostics()).isTrue();
    }
    return classes;
  }

  private static String projectVersion() throws IOException {
    return tag(Files.readString(ReadmeTest.readme().resolveSibling("pom.xml")), "version");
  }

  private static String slf4jVersion() {
    try {
      return tag(Files.readString(ReadmeTest.readme().resolveSibling("pom.xml")), "slf4j.version");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(xml);
    assertThat(m.find()).as("<%s> in the root pom", name).isTrue();
    return m.group(1);
  }
}
