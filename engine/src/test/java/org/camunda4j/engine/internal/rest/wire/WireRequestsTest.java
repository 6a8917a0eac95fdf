package org.camunda4j.engine.internal.rest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Json;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.camunda4j.engine.internal.rest.Validatable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Request bodies decode leniently and validate with the gateway's messages. */
class WireRequestsTest {

  /** Decodes and validates as {@code Request.body} does. */
  private static <T> T decode(String json, Class<T> type) {
    T value = Json.readBody(json.getBytes(StandardCharsets.UTF_8), type);
    if (value instanceof Validatable validatable) {
      validatable.validate();
    }
    return value;
  }

  private static void assertRejected(String json, Class<?> type, String detail) {
    assertThatThrownBy(() -> decode(json, type))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(ProblemStatus.INVALID_ARGUMENT);
              assertThat(e.detail()).isEqualTo(detail);
            });
  }

  @Nested
  class JobActivation {

    @Test
    void acceptsWhatTheJavaClientSends() {
      var request = decode("""
          {"type":"pay","worker":"w","timeout":300000,"maxJobsToActivate":32,"fetchVariable":[],
           "requestTimeout":10000,"tenantIds":["<default>"],"tenantFilter":"PROVIDED"}""",
          JobActivationRequest.class);

      assertThat(request.type()).isEqualTo("pay");
      assertThat(request.timeout()).isEqualTo(300_000L);
      assertThat(request.fetchVariableOrAll()).isEmpty();
      assertThat(request.tenantFilter()).isEqualTo(TenantFilter.PROVIDED);
    }

    @Test
    void acceptsWhatThePythonSdkSendsAndIgnoresUnknownFields() {
      var request = decode("""
          {"type":"pay","timeout":1000,"maxJobsToActivate":1,"worker":"py","requestTimeout":0,
           "withLease":true,"businessId":null}""", JobActivationRequest.class);

      assertThat(request.tenantIds()).isNull();
      assertThat(request.workerOrDefault()).isEqualTo("py");
    }

    @Test
    void joinsAllViolationsAsTheGatewayDoes() {
      assertRejected("{\"timeout\":0,\"maxJobsToActivate\":1}", JobActivationRequest.class,
          "No type provided. The value for timeout is '0' but must be greater than 0.");
      assertRejected("{\"type\":\" \",\"timeout\":null,\"maxJobsToActivate\":0}", JobActivationRequest.class,
          "No type provided. No timeout provided. The value for maxJobsToActivate is '0' but must be greater than 0.");
    }

    @Test
    void rejectsAnUnknownTenantFilterNamingTheChoices() {
      assertRejected("{\"type\":\"t\",\"timeout\":1,\"maxJobsToActivate\":1,\"tenantFilter\":\"MINE\"}",
          JobActivationRequest.class,
          "Request property [tenantFilter] cannot be parsed: expected one of [PROVIDED, ASSIGNED]");
    }

    @Test
    void rejectsFractionsAndEmptyStringsForNumbers() {
      assertRejected("{\"type\":\"t\",\"timeout\":1.5,\"maxJobsToActivate\":1}", JobActivationRequest.class,
          "Request property [timeout] cannot be parsed: expected an integer");
      assertRejected("{\"type\":\"t\",\"timeout\":1,\"maxJobsToActivate\":\"\"}", JobActivationRequest.class,
          "Request property [maxJobsToActivate] cannot be parsed: expected an integer");
    }
  }

  @Nested
  class JobCompletion {

    @Test
    void anEmptyBodyCompletesWithoutVariables() {
      var request = decode("", JobCompletionRequest.class);

      assertThat(request.variables()).isNull();
      assertThat(request.result()).isNull();
    }

    @Test
    void readsAUserTaskResultWithCorrections() {
      var request = decode("""
          {"variables":{},"result":{"type":"userTask","denied":false,"deniedReason":null,
           "corrections":{"assignee":"kermit","dueDate":"","candidateGroups":[],"priority":80}}}""",
          JobCompletionRequest.class);

      assertThat(request.result()).isInstanceOfSatisfying(JobResult.UserTask.class, userTask -> {
        assertThat(userTask.deniedOrFalse()).isFalse();
        assertThat(userTask.corrections()).isEqualTo(
            new JobResult.Corrections("kermit", "", null, null, List.of(), 80));
      });
    }

    @Test
    void aResultWithoutTypeIsAUserTaskResult() {
      var request = decode("{\"result\":{\"denied\":true,\"deniedReason\":\"no\"}}", JobCompletionRequest.class);

      assertThat(request.result()).isEqualTo(new JobResult.UserTask(null, true, "no", null));
    }

    @Test
    void readsAnAdHocSubProcessResult() {
      var request = decode("""
          {"result":{"type":"adHocSubProcess","activateElements":[{"elementId":"A","variables":{"x":1}}],
           "isCompletionConditionFulfilled":true}}""", JobCompletionRequest.class);

      assertThat(request.result()).isEqualTo(new JobResult.AdHocSubProcess(
          "adHocSubProcess", List.of(new JobResult.ActivateElement("A", Map.of("x", 1))), true, null));
    }

    @Test
    void rejectsAnUnknownResultType() {
      assertRejected("{\"result\":{\"type\":\"robot\"}}", JobCompletionRequest.class,
          "The value for result.type is 'robot' but must be one of [userTask, adHocSubProcess].");
    }

    @Test
    void rejectsBadCorrections() {
      assertRejected("{\"result\":{\"type\":\"userTask\",\"corrections\":{\"dueDate\":\"tomorrow\",\"priority\":101}}}",
          JobCompletionRequest.class,
          "The provided corrections.dueDate 'tomorrow' cannot be parsed as a date according to RFC 3339, section 5.6. "
              + "The value for corrections.priority is '101' but must be within the [0,100] range.");
    }

    @Test
    void rejectsVariablesThatAreNotAnObject() {
      assertRejected("{\"variables\":[1,2]}", JobCompletionRequest.class,
          "Request property [variables] cannot be parsed: expected an object");
    }
  }

  @Nested
  class OtherJobCommands {

    @Test
    void failAcceptsTheJavaClientBodyAndDefaultsToZero() {
      var full = decode("{\"retries\":2,\"errorMessage\":\"boom\",\"retryBackOff\":0,\"variables\":{}}", JobFailRequest.class);
      var bare = decode("{}", JobFailRequest.class);

      assertThat(full.retriesOrZero()).isEqualTo(2);
      assertThat(bare.retriesOrZero()).isZero();
      assertThat(bare.errorMessageOrEmpty()).isEmpty();
      assertRejected("{\"retryBackOff\":-5}", JobFailRequest.class,
          "The value for retryBackOff is '-5' but must be greater than or equal to 0.");
    }

    @Test
    void throwErrorNeedsAnErrorCode() {
      assertRejected("{\"errorMessage\":\"m\"}", JobErrorRequest.class, "No errorCode provided.");
      assertThat(decode("{\"errorCode\":\"E1\"}", JobErrorRequest.class).errorCode()).isEqualTo("E1");
    }

    @Test
    void updateNeedsSomethingToChange() {
      assertRejected("{}", JobUpdateRequest.class, "No changeset provided.");
      assertRejected("{\"changeset\":{\"retries\":null}}", JobUpdateRequest.class,
          "At least one of [retries, timeout] is required.");
      assertRejected("{\"changeset\":{\"retries\":1},\"operationReference\":0}", JobUpdateRequest.class,
          "The value for operationReference is '0' but must be greater than 0.");
      assertThat(decode("{\"changeset\":{\"timeout\":5000}}", JobUpdateRequest.class).changeset().timeout())
          .isEqualTo(5000L);
    }
  }

  @Nested
  class ProcessInstances {

    @Test
    void acceptsTheJavaClientsCreateByIdBody() {
      var request = decode("""
          {"processDefinitionId":"order","processDefinitionVersion":-1,"variables":{"a":1},
           "requestTimeout":0,"startInstructions":[],"runtimeInstructions":[],"fetchVariables":[],
           "tags":[],"tenantId":"<default>"}""", ProcessInstanceCreationRequest.class);

      assertThat(request.isById()).isTrue();
      assertThat(request.versionOrLatest()).isEqualTo(-1);
    }

    @Test
    void acceptsAKeySentAsANumber() {
      var request = decode("{\"processDefinitionKey\":2251799813685249}", ProcessInstanceCreationRequest.class);

      assertThat(request.isById()).isFalse();
      assertThat(request.processDefinitionKey()).isEqualTo("2251799813685249");
    }

    @Test
    void needsExactlyOneWayToNameTheDefinition() {
      assertRejected("{}", ProcessInstanceCreationRequest.class,
          "At least one of [processDefinitionId, processDefinitionKey] is required.");
      assertRejected("{\"processDefinitionId\":\"a\",\"processDefinitionKey\":\"1\"}", ProcessInstanceCreationRequest.class,
          "Only one of [processDefinitionId, processDefinitionKey] is allowed.");
      assertRejected("{\"processDefinitionKey\":\"abc\"}", ProcessInstanceCreationRequest.class,
          "The value for processDefinitionKey is 'abc' but must be a numeric key.");
    }

    @Test
    void checksTags() {
      assertRejected("{\"processDefinitionId\":\"a\",\"tags\":[\"9lives\"]}", ProcessInstanceCreationRequest.class,
          "The value for tags is '9lives' but must be a letter followed by at most 99 letters, digits or the characters _-:..");
      assertThat(decode("{\"processDefinitionId\":\"a\",\"tags\":[\"prio:high\",\"x.y\"]}",
          ProcessInstanceCreationRequest.class).tags()).containsExactly("prio:high", "x.y");
    }

    @Test
    void cancellationAndResolutionTakeAnOptionalOperationReference() {
      assertThat(decode("", OperationReferenceRequest.class).operationReference()).isNull();
      assertThat(decode("{\"operationReference\":7}", OperationReferenceRequest.class).operationReference()).isEqualTo(7L);
      assertRejected("{\"operationReference\":-1}", OperationReferenceRequest.class,
          "The value for operationReference is '-1' but must be greater than 0.");
    }
  }

  @Nested
  class MessagesSignalsClockVariables {

    @Test
    void publishNeedsANameAndDefaultsTheRest() {
      var request = decode("{\"name\":\"paid\",\"timeToLive\":3600000}", MessagePublicationRequest.class);

      assertThat(request.correlationKeyOrEmpty()).isEmpty();
      assertThat(request.timeToLiveOrZero()).isEqualTo(3_600_000L);
      assertRejected("{\"correlationKey\":\"k\"}", MessagePublicationRequest.class, "No name provided.");
      assertRejected("{\"name\":\"n\",\"timeToLive\":-1}", MessagePublicationRequest.class,
          "The value for timeToLive is '-1' but must be greater than or equal to 0.");
    }

    @Test
    void correlateAndBroadcastNeedNames() {
      assertRejected("{}", MessageCorrelationRequest.class, "No name provided.");
      assertRejected("{\"tenantId\":\"<default>\"}", SignalBroadcastRequest.class, "No signalName provided.");
      assertThat(decode("{\"signalName\":\"s\",\"tenantId\":\"<default>\"}", SignalBroadcastRequest.class).signalName())
          .isEqualTo("s");
    }

    @Test
    void clockPinNeedsATimestamp() {
      assertRejected("{}", ClockPinRequest.class, "No timestamp provided.");
      assertRejected("{\"timestamp\":-1}", ClockPinRequest.class,
          "The value for timestamp is '-1' but must be greater than or equal to 0.");
      assertThat(decode("{\"timestamp\":1700000000000}", ClockPinRequest.class).timestamp()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void settingVariablesNeedsVariables() {
      assertRejected("{\"local\":true}", SetVariableRequest.class, "No variables provided.");
      assertThat(decode("{\"variables\":{\"a\":null},\"local\":true}", SetVariableRequest.class).localOrFalse()).isTrue();
    }
  }

  @Nested
  class UserTasks {

    @Test
    void assignmentNeedsAnAssigneeAndDefaultsToOverride() {
      assertRejected("{\"assignee\":\"\"}", UserTaskAssignmentRequest.class, "No assignee provided.");
      var request = decode("{\"assignee\":\"kermit\"}", UserTaskAssignmentRequest.class);
      assertThat(request.allowOverrideOrTrue()).isTrue();
      assertThat(request.actionOrDefault()).isEqualTo("assign");
    }

    @Test
    void completionBodyIsOptional() {
      assertThat(decode("", UserTaskCompletionRequest.class).actionOrDefault()).isEqualTo("complete");
    }

    @Test
    void updateNeedsAChangeOrAnAction() {
      assertThatThrownBy(() -> decode("{\"changeset\":{}}", UserTaskUpdateRequest.class))
          .isInstanceOf(ApiException.class)
          .hasMessageStartingWith("No update data provided.");
      assertThat(decode("{\"action\":\"escalate\"}", UserTaskUpdateRequest.class).actionOrDefault()).isEqualTo("escalate");
      assertThat(decode("{\"changeset\":{\"dueDate\":\"\"}}", UserTaskUpdateRequest.class).changeset().dueDate()).isEmpty();
      assertRejected("{\"changeset\":{\"followUpDate\":\"2025-13-01\",\"priority\":-1}}", UserTaskUpdateRequest.class,
          "The provided followUpDate '2025-13-01' cannot be parsed as a date according to RFC 3339, section 5.6. "
              + "The value for priority is '-1' but must be within the [0,100] range.");
    }
  }
}
