package org.camunda4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The process every benchmark runs: start → one service task → end, as Camunda Modeler saves it. */
final class BenchProcess {

  static final String RESOURCE = "bench-one-task.bpmn";
  static final String PROCESS_ID = "bench-one-task";
  static final String JOB_TYPE = "bench-noop";

  private BenchProcess() {}

  static byte[] bpmn() {
    try (InputStream in = BenchProcess.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
