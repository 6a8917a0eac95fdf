package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Cross-cutting wire rules: lenient input, problem+json for every error, keys as strings. */
class WireFormatTest extends EngineScenario {

  @Test
  void unknownRequestFieldsAreIgnored() {
    http.deployOk(bpmn("start-end.bpmn"));

    EngineHttp.Response response =
        http.post(
            "/process-instances",
            """
            {"processDefinitionId":"start-end","someFutureField":42,"businessId":null,"tags":[],
             "startInstructions":[],"runtimeInstructions":[],"fetchVariables":[],"requestTimeout":0,
             "processDefinitionVersion":-1,"tenantId":"<default>","operationReference":null}
            """);

    assertThat(response.status()).as("%s", response).isEqualTo(200);
  }

  @Test
  void explicitNullsInOptionalFieldsAreAccepted() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");
    String jobKey = http.activateOne("work").path("jobKey").asText();

    EngineHttp.Response response =
        http.post(
            "/jobs/" + jobKey + "/failure",
            """
            {"retries":2,"errorMessage":null,"retryBackOff":null,"variables":null,"operationReference":null}
            """);

    assertThat(response.status()).as("%s", response).isEqualTo(204);
  }

  @Test
  void malformedJsonIsA400Problem() {
    String detail = assertProblem(http.postRaw("/process-instances", "application/json", "{\"processDefinitionId\": "), 400, "INVALID_ARGUMENT");
    assertThat(detail).isNotBlank();
  }

  @Test
  void aWrongTypeInAFieldIsA400ProblemNamingTheField() {
    String detail =
        assertProblem(
            http.post("/jobs/activation", "{\"type\":\"work\",\"timeout\":\"soon\",\"maxJobsToActivate\":1}"),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("timeout");
  }

  @Test
  void anUnknownPathIsA404Problem() {
    EngineHttp.Response response = http.get("/no-such-resource");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
  }

  @Test
  void anUnsupportedContentTypeIs415() {
    EngineHttp.Response response = http.postRaw("/process-instances", "text/plain", "processDefinitionId=start-end");

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
  }

  @Test
  void theJavaClientsMultipartShapeWithCharsetBeforeBoundaryIsAccepted() {
    byte[] file = EngineHttp.readResource(bpmn("start-end.bpmn"));
    String boundary = "JavaClientBoundary42";
    String body =
        "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"resources\"; filename=\"start-end.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + new String(file, StandardCharsets.ISO_8859_1) + "\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"tenantId\"\r\n"
            + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n"
            + "<default>\r\n"
            + "--" + boundary + "--\r\n";

    EngineHttp.Response response =
        http.postRaw("/deployments", "multipart/form-data; charset=ISO-8859-1; boundary=" + boundary, body);

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("deployments").get(0).path("processDefinition").path("processDefinitionId").asText())
        .isEqualTo("start-end");
  }

  @Test
  void aRequestAboveTheFourMegabyteLimitIsA413Problem() {
    String hugeValue = "x".repeat(5 * 1024 * 1024);

    EngineHttp.Response response =
        http.post("/process-instances", Map.of("processDefinitionId", "start-end", "variables", Map.of("huge", hugeValue)));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
  }

  @Test
  void theTypeScriptSdksHeadersGetPlainJsonBack() throws Exception {
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(http.v2() + "/topology"))
            .header("accept", "*/*")
            .header("accept-encoding", "gzip, deflate")
            .GET()
            .build();

    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
    byte[] body =
        encoding.equals("gzip")
            ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes()
            : response.body();
    assertThat(EngineHttp.parse(new String(body, StandardCharsets.UTF_8)).has("brokers")).isTrue();
  }

  @Test
  void errorsForEveryResourceUseProblemJson() {
    for (EngineHttp.Response response :
        new EngineHttp.Response[] {
          http.get("/process-instances/2251799813699999"),
          http.post("/jobs/2251799813699999/completion", Map.of()),
          http.get("/incidents/2251799813699999"),
          http.get("/variables/2251799813699999"),
        }) {
      assertProblem(response, 404, "NOT_FOUND");
    }
  }

  @Test
  void anotherTenantIsRejectedBecauseMultiTenancyIsOff() {
    http.deployOk(bpmn("start-end.bpmn"));

    String detail =
        assertProblem(
            http.post("/process-instances", Map.of("processDefinitionId", "start-end", "tenantId", "acme")),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("acme");
  }

  @Test
  void anotherTenantIsRejectedOnDeploymentsAndMessagesToo() {
    byte[] file = EngineHttp.readResource(bpmn("start-end.bpmn"));
    String boundary = "TenantBoundary";
    String body =
        "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"resources\"; filename=\"start-end.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n"
            + new String(file, StandardCharsets.UTF_8) + "\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n"
            + "acme\r\n"
            + "--" + boundary + "--\r\n";

    assertThat(assertProblem(http.postRaw("/deployments", "multipart/form-data; boundary=" + boundary, body), 400, "INVALID_ARGUMENT"))
        .contains("acme");
    assertThat(
            assertProblem(
                http.post("/messages/publication", Map.of("name", "m", "correlationKey", "k", "tenantId", "acme")),
                400,
                "INVALID_ARGUMENT"))
        .contains("acme");
  }

  @Test
  void aDeploymentWithoutTenantPartAndWithXmlPartsAsTheTsSdkSendsIsAccepted() {
    byte[] file = EngineHttp.readResource(bpmn("start-end.bpmn"));
    String boundary = "TsSdkBoundary7";
    String body =
        "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"resources\"; filename=\"start-end.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n"
            + new String(file, StandardCharsets.UTF_8) + "\r\n"
            + "--" + boundary + "--\r\n";

    EngineHttp.Response response = http.postRaw("/deployments", "multipart/form-data; boundary=" + boundary, body);

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("tenantId").asText()).isEqualTo("<default>");
  }

  @Test
  void searchResponsesCarryAllFourPageMembers() {
    for (String resource : new String[] {"process-instances", "jobs", "incidents", "variables"}) {
      EngineHttp.Response response = http.post("/" + resource + "/search", Map.of());

      assertThat(response.status()).as("%s search: %s", resource, response).isEqualTo(200);
      assertThat(response.mediaType()).isEqualTo("application/json");
      assertThat(response.json().path("items").isArray()).isTrue();
      assertThat(ProcessInstanceApiTest.fieldNames(response.json().path("page")))
          .as("%s page", resource)
          .contains("totalItems", "hasMoreTotalItems", "startCursor", "endCursor");
    }
  }

  @Test
  void searchAcceptsAnEmptyBodyAndNoBodyAtAll() {
    assertThat(http.postWithoutBody("/process-instances/search").status()).isEqualTo(200);
    assertThat(http.postRaw("/process-instances/search", "application/json", "{}").status()).isEqualTo(200);
  }
}
