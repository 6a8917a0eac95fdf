package org.camunda4j.sdk.internal.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.ProcessJobHandler;
import org.camunda4j.sdk.internal.json.Json;
import org.camunda4j.sdk.internal.worker.Ack;
import org.camunda4j.sdk.internal.worker.BaseJobContext;
import org.camunda4j.sdk.internal.worker.OutcomeMapper;
import org.slf4j.Logger;

/**
 * The main class of a PROCESS child JVM: read the handler once, then run jobs one at a time and
 * answer each with its outcome, computed by the same {@link OutcomeMapper} the parent uses. Stdout
 * carries only frames; {@code System.out} is redirected to stderr so handler prints cannot corrupt it.
 */
public final class ChildMain {

  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    ProcessJobHandler handler = null;
    String handlerProblem = null;
    while (true) {
      Frames.Frame frame = Frames.read(in);
      if (frame == null) {
        return;
      }
      if (frame.kind() == Frames.HANDLER) {
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(frame.payload()))) {
          handler = (ProcessJobHandler) objects.readObject();
        } catch (Exception | LinkageError e) {
          handlerProblem = "the PROCESS child could not load the handler: " + e;
        }
      } else if (frame.kind() == Frames.JOB) {
        runJob(frame.payload(), handler, handlerProblem, out);
      }
    }
  }

  private static void runJob(byte[] payload, ProcessJobHandler handler, String handlerProblem, DataOutputStream out)
      throws IOException {
    JsonNode request = Json.mapper().readTree(payload);
    ActivatedJob job = Json.mapper().treeToValue(request.get("job"), ActivatedJob.class);
    long deadline = System.nanoTime() + request.get("remainingMillis").asLong() * 1_000_000L;
    Logger log = new ForwardingLogger(out, "org.camunda4j.sdk.job");
    Ack ack;
    if (handler == null) {
      ack = OutcomeMapper.fail(job, handlerProblem == null ? "no handler was sent to the PROCESS child" : handlerProblem);
    } else {
      try {
        Object value = handler.handle(new BaseJobContext(job, log, () -> deadline));
        ack = OutcomeMapper.fromReturn(value, job, log);
      } catch (Throwable thrown) {
        ack = OutcomeMapper.fromThrowable(thrown, job, log);
      }
    }
    Frames.write(out, Frames.RESULT, Json.write(describe(ack)));
  }

  private static ObjectNode describe(Ack ack) {
    ObjectNode node = Json.mapper().createObjectNode();
    Object body = switch (ack) {
      case Ack.Complete complete -> complete.body();
      case Ack.Fail fail -> fail.body();
      case Ack.ThrowError error -> error.body();
      default -> throw new IllegalStateException("a child cannot produce " + ack);
    };
    node.put("kind", ack.getClass().getSimpleName());
    node.set("body", Json.mapper().valueToTree(body));
    return node;
  }
}
