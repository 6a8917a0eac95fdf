package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET /v2/incidents/{key}, POST /v2/incidents/search and resolution errors. */
class IncidentApiTest extends EngineScenario {

  static final Set<String> INCIDENT_FIELDS =
      Set.of(
          "processDefinitionId", "errorType", "errorMessage", "elementId", "creationTime", "state",
          "tenantId", "incidentKey", "processDefinitionKey", "processInstanceKey", "elementInstanceKey",
          "jobKey", "rootProcessInstanceKey");

  @Test
  void anIncidentCanBeReadByKeyWithEvery89Field() {
    JsonNode deployment = http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", "boom"));
    String incidentKey = http.awaitActiveIncident(instance).path("incidentKey").asText();

    EngineHttp.Response response = http.get("/incidents/" + incidentKey);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode incident = response.json();
    assertThat(ProcessInstanceApiTest.fieldNames(incident)).containsAll(INCIDENT_FIELDS);
    Keys.assertKey(incident.path("incidentKey"));
    assertThat(incident.path("incidentKey").asText()).isEqualTo(incidentKey);
    assertThat(incident.path("processDefinitionId").asText()).isEqualTo("single-service-task");
    assertThat(incident.path("processDefinitionKey").asText())
        .isEqualTo(ProcessInstanceApiTest.definitionKey(deployment, "single-service-task"));
    assertThat(incident.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.path("errorMessage").asText()).isEqualTo("boom");
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_Work");
    assertThat(incident.path("elementInstanceKey").asText()).isEqualTo(job.path("elementInstanceKey").asText());
    assertThat(incident.path("jobKey").asText()).isEqualTo(job.path("jobKey").asText());
    assertThat(incident.path("state").asText()).isEqualTo("ACTIVE");
    assertThat(incident.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(incident.path("creationTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
  }

  @Test
  void searchFiltersByErrorTypeStateInstanceAndJob() {
    http.deployOk(bpmn("single-service-task.bpmn"), bpmn("io-mapping-error.bpmn"));
    String jobInstance = http.createInstance("single-service-task");
    String mappingInstance = http.createInstance("io-mapping-error");
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0));
    JsonNode jobIncident = http.awaitActiveIncident(jobInstance);
    JsonNode mappingIncident = http.awaitActiveIncident(mappingInstance);

    assertThat(incidentKeys(Map.of("errorType", "JOB_NO_RETRIES"))).containsExactly(key(jobIncident));
    assertThat(incidentKeys(Map.of("errorType", "IO_MAPPING_ERROR"))).containsExactly(key(mappingIncident));
    assertThat(incidentKeys(Map.of("state", "ACTIVE"))).containsExactlyInAnyOrder(key(jobIncident), key(mappingIncident));
    assertThat(incidentKeys(Map.of("processInstanceKey", mappingInstance))).containsExactly(key(mappingIncident));
    assertThat(incidentKeys(Map.of("jobKey", job.path("jobKey").asText()))).containsExactly(key(jobIncident));
    assertThat(incidentKeys(Map.of("errorType", Map.of("$eq", "JOB_NO_RETRIES")))).containsExactly(key(jobIncident));

    EngineHttp.Response page = http.post("/incidents/search", Map.of());
    assertThat(page.json().path("page").path("totalItems").asLong()).isEqualTo(2);
  }

  @Test
  void aResolvedIncidentIsFoundAsResolved() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0));
    JsonNode incident = http.awaitActiveIncident(instance);
    http.patch("/jobs/" + job.path("jobKey").asText(), Map.of("changeset", Map.of("retries", 1)));

    assertThat(http.post("/incidents/" + key(incident) + "/resolution", Map.of()).status()).isEqualTo(204);

    Eventually.get(
        "incident resolved in search",
        () -> incidentKeys(Map.of("state", "RESOLVED")),
        keys -> keys.contains(key(incident)));
    assertThat(incidentKeys(Map.of("state", "ACTIVE"))).isEmpty();
  }

  @Test
  void resolvingAnIncidentTwiceIs404TheSecondTime() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0));
    JsonNode incident = http.awaitActiveIncident(instance);
    http.patch("/jobs/" + job.path("jobKey").asText(), Map.of("changeset", Map.of("retries", 1)));
    assertThat(http.post("/incidents/" + key(incident) + "/resolution", Map.of()).status()).isEqualTo(204);

    assertProblem(http.post("/incidents/" + key(incident) + "/resolution", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void getAnUnknownIncidentIs404() {
    String detail = assertProblem(http.get("/incidents/2251799813699999"), 404, "NOT_FOUND");
    assertThat(detail).contains("2251799813699999");
  }

  @Test
  void resolvingAnUnknownIncidentIs404() {
    String detail = assertProblem(http.post("/incidents/2251799813699999/resolution", Map.of()), 404, "NOT_FOUND");
    assertThat(detail).contains("2251799813699999");
  }

  private List<String> incidentKeys(Map<String, ?> filter) {
    return http.search("incidents", Map.of("filter", filter)).stream().map(IncidentApiTest::key).toList();
  }

  private static String key(JsonNode incident) {
    return incident.path("incidentKey").asText();
  }
}
