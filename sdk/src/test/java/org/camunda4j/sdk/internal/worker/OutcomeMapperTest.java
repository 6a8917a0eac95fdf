package org.camunda4j.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.JobCompletionRequest;
import org.camunda4j.sdk.JobError;
import org.camunda4j.sdk.JobFailure;
import org.camunda4j.sdk.internal.json.Wire;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** The seed's outcome table, value by value. */
class OutcomeMapperTest {

  private static final ActivatedJob JOB = new ActivatedJob(1, "t", "p", 1, 2, 3, null, "e", 4, Map.of(), "w", 3,
      0, Map.of(), "<default>", "BPMN_ELEMENT", "UNSPECIFIED", null, List.of());

  private static Ack map(Object value) {
    return OutcomeMapper.fromReturn(value, JOB, NOPLogger.NOP_LOGGER);
  }

  private static Ack thrown(Throwable error) {
    return OutcomeMapper.fromThrowable(error, JOB, NOPLogger.NOP_LOGGER);
  }

  record Result(String status) {}

  @Test
  void mapRecordAndNullComplete() {
    assertThat(map(Map.of("a", 1))).isEqualTo(new Ack.Complete(JobCompletionRequest.withVariables(Map.of("a", 1))));
    assertThat(map(new Result("ok"))).isEqualTo(new Ack.Complete(JobCompletionRequest.withVariables(Map.of("status", "ok"))));
    assertThat(map(null)).isEqualTo(new Ack.Complete(JobCompletionRequest.empty()));
  }

  @Test
  void aCompletionRequestIsPassedThrough() {
    JobCompletionRequest request = JobCompletionRequest.withVariables(Map.of("x", true));
    assertThat(map(request)).isEqualTo(new Ack.Complete(request));
  }

  @Test
  void aJobFailureKeepsItsRetriesBackoffAndVariablesOrDecrements() {
    assertThat(thrown(new JobFailure("m", 2, Duration.ofSeconds(5), Map.of("v", 1))))
        .isEqualTo(new Ack.Fail(new Wire.FailJob(2, "m", 5000L, Map.of("v", 1))));
    assertThat(thrown(new JobFailure("m"))).isEqualTo(new Ack.Fail(new Wire.FailJob(2, "m", 0L, null)));
    assertThat(map(new JobFailure("returned"))).isEqualTo(new Ack.Fail(new Wire.FailJob(2, "returned", 0L, null)));
  }

  @Test
  void aJobErrorThrowsTheBpmnErrorWithVariables() {
    assertThat(thrown(new CompletionException(new JobError("CODE", "msg", Map.of("v", 1)))))
        .isEqualTo(new Ack.ThrowError(new Wire.ThrowError("CODE", "msg", Map.of("v", 1))));
    assertThat(thrown(new JobError("CODE"))).isEqualTo(new Ack.ThrowError(new Wire.ThrowError("CODE", "", null)));
  }

  @Test
  void anyOtherThrowableFailsWithRetriesMinusOneAndItsMessageOrClassName() {
    assertThat(thrown(new IllegalStateException("boom"))).isEqualTo(new Ack.Fail(new Wire.FailJob(2, "boom", 0L, null)));
    assertThat(thrown(new NullPointerException())).isEqualTo(
        new Ack.Fail(new Wire.FailJob(2, "java.lang.NullPointerException", 0L, null)));
    assertThat(thrown(new StackOverflowError("deep"))).isEqualTo(new Ack.Fail(new Wire.FailJob(2, "deep", 0L, null)));
  }

  @Test
  void retriesNeverGoBelowZero() {
    ActivatedJob lastTry = new ActivatedJob(1, "t", "p", 1, 2, 3, null, "e", 4, Map.of(), "w", 0, 0, Map.of(),
        "<default>", "BPMN_ELEMENT", "UNSPECIFIED", null, List.of());
    assertThat(OutcomeMapper.fromThrowable(new RuntimeException("x"), lastTry, NOPLogger.NOP_LOGGER))
        .isEqualTo(new Ack.Fail(new Wire.FailJob(0, "x", 0L, null)));
  }

  @Test
  void valuesThatAreNotVariablesFailTheJobSayingWhatToReturn() {
    for (Object value : List.of("text", 42, List.of(1), true)) {
      assertThat(map(value)).isInstanceOfSatisfying(Ack.Fail.class, fail ->
          assertThat(((Wire.FailJob) fail.body()).errorMessage())
              .contains(value.getClass().getName()).contains("return a Map"));
    }
  }

  @Test
  void aFutureReturnedByABlockingHandlerIsRejectedWithAdvice() {
    assertThat(map(java.util.concurrent.CompletableFuture.completedFuture(Map.of())))
        .isInstanceOfSatisfying(Ack.Fail.class, fail -> assertThat(((Wire.FailJob) fail.body()).errorMessage())
            .contains("ExecutionStrategy.ASYNC"));
  }
}
