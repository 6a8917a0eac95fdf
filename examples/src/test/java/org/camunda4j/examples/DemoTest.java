package org.camunda4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demo's main path, as {@code bin/camunda4j demo --instances 12} runs it, in this JVM. */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // child JVMs start slowly on a busy machine; this only guards against a hang
class DemoTest {

  @Test
  void aSmallRunEndsAsDesignedAndExitsZero() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

    int exitCode = Demo.run(out, Map.of(), "--instances", "12");

    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(exitCode).as(output).isZero();
    assertThat(output)
        .contains("worker (job type)", "strategy", "jobs/s", "p50", "p99")
        .contains("charge-payment           ASYNC", "compute-shipping-label   PROCESS", "book-carrier             VIRTUAL")
        .contains("All 12 orders ended as designed");
  }

  /** {@code --rest-address}: the same run against an engine the demo did not start, as against a cluster. */
  @Test
  void theSameRunWorksAgainstAGivenRestAddress() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

    int exitCode;
    try (Engine elsewhere = Engine.start()) {
      exitCode = Demo.run(out, Map.of(), "--instances", "6", "--rest-address", elsewhere.restAddress().toString());
    }

    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(exitCode).as(output).isZero();
    assertThat(output).doesNotContain("embedded engine").contains("All 6 orders ended as designed");
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertThat(Demo.run(System.out, Map.of(), "--instances", "zero")).isEqualTo(2);
    assertThat(Demo.run(System.out, Map.of(), "--frobnicate")).isEqualTo(2);
  }

  @Test
  void optionsTakeSeparateOrInlineValues() {
    assertThat(DemoOptions.parse(Map.of(), "--instances=7").orElseThrow().instances()).isEqualTo(7);
    assertThat(DemoOptions.parse(Map.of(), "--rest-address", "http://localhost:8080").orElseThrow().restAddress()).isPresent();
    assertThat(DemoOptions.parse(Map.of()).orElseThrow().instances()).isEqualTo(DemoOptions.DEFAULT_INSTANCES);
    assertThatThrownBy(() -> DemoOptions.parse(Map.of(), "--instances")).hasMessageContaining("needs a value");
  }

  @Test
  void theRestAddressComesFromTheEnvironmentUnlessAnOptionSaysOtherwise() {
    Map<String, String> environment = Map.of("CAMUNDA_REST_ADDRESS", "http://camunda.example:8080");

    DemoOptions fromEnvironment = DemoOptions.parse(environment).orElseThrow();
    assertThat(fromEnvironment.restAddress()).contains(URI.create("http://camunda.example:8080"));
    assertThat(fromEnvironment.restAddressSource()).isEqualTo("CAMUNDA_REST_ADDRESS");
    assertThat(DemoOptions.parse(environment, "--embedded").orElseThrow().restAddress()).isEmpty();
    assertThat(DemoOptions.parse(environment, "--rest-address", "http://other:8080").orElseThrow().restAddress())
        .contains(URI.create("http://other:8080"));
    assertThatThrownBy(() -> DemoOptions.parse(Map.of("CAMUNDA_REST_ADDRESS", "camunda:8080")))
        .hasMessageStartingWith("CAMUNDA_REST_ADDRESS: 'camunda:8080' is not an http(s) URL");
  }
}
