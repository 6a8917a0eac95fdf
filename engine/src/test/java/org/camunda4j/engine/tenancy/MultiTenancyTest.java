package org.camunda4j.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.engine.it.EngineHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An engine with {@code --multi-tenancy} and two users in two tenants, and an operator in both:
 * nothing of one tenant reaches the other, over plain HTTP.
 */
class MultiTenancyTest {

  private Engine engine;
  private EngineHttp ana;
  private EngineHttp bob;
  private EngineHttp root;

  @BeforeEach
  void start() {
    engine = Engine.start(EngineConfig.builder()
        .auth(EngineAuth.basic(List.of(
            EngineCredential.parse("ana:pw-a:acme"), EngineCredential.parse("bob:pw-b:globex"),
            EngineCredential.parse("root:pw-r:acme,globex,<default>"))))
        .multiTenancy(true)
        .build());
    ana = new EngineHttp(engine.restAddress(), basic("ana", "pw-a"));
    bob = new EngineHttp(engine.restAddress(), basic("bob", "pw-b"));
    root = new EngineHttp(engine.restAddress(), basic("root", "pw-r"));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachTenantDeploysItsOwnVersionsAndSeesOnlyThem() {
    JsonNode acme = deployed(ana, "acme", "bpmn/service-task-headers.bpmn");
    JsonNode globex = deployed(bob, "globex", "bpmn/service-task-headers.bpmn");

    assertThat(acme.get("tenantId").asText()).isEqualTo("acme");
    assertThat(acme.get("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(globex.get("processDefinitionVersion").asInt()).as("a process id is versioned per tenant").isEqualTo(1);
    assertThat(ana.search("process-definitions", Map.of())).extracting(d -> d.get("tenantId").asText()).containsExactly("acme");
    assertThat(root.search("process-definitions", Map.of())).hasSize(2);
    assertThat(ana.get("/process-definitions/" + globex.get("processDefinitionKey").asText()).status()).isEqualTo(404);
    assertThat(ana.get("/process-definitions/" + globex.get("processDefinitionKey").asText() + "/xml").status()).isEqualTo(404);
  }

  @Test
  void aTenantTheCallerLacksIs403AndNoTenantIs400() {
    EngineHttp.Response foreign = ana.deployTo("globex", "bpmn/service-task-headers.bpmn");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.json().get("title").asText()).isEqualTo("FORBIDDEN");
    assertThat(foreign.json().get("detail").asText()).contains("'globex'").contains("'ana'").contains("[acme]");

    assertThat(ana.deployTo(null, "bpmn/service-task-headers.bpmn").status()).isEqualTo(400);
    assertThat(ana.deployTo("not a tenant!", "bpmn/service-task-headers.bpmn").status()).isEqualTo(400);
    deployed(bob, "globex", "bpmn/service-task-headers.bpmn");
    assertThat(ana.post("/process-instances", Map.of("processDefinitionId", "service-task-headers", "tenantId", "globex")).status())
        .isEqualTo(403);
    assertThat(ana.post("/messages/publication", Map.of("name", "m", "tenantId", "globex")).status()).isEqualTo(403);
    assertThat(ana.post("/signals/broadcast", Map.of("signalName", "s", "tenantId", "globex")).status()).isEqualTo(403);
    assertThat(ana.post("/decision-definitions/evaluation", Map.of("decisionDefinitionId", "d", "tenantId", "globex")).status())
        .isEqualTo(403);
  }

  @Test
  void instancesAndJobsStayInTheirTenant() {
    deployed(ana, "acme", "bpmn/service-task-headers.bpmn");
    JsonNode globexDefinition = deployed(bob, "globex", "bpmn/service-task-headers.bpmn");
    String acmeInstance = created(ana, "acme");
    String globexInstance = created(bob, "globex");

    assertThat(ana.post("/process-instances", Map.of(
            "processDefinitionKey", globexDefinition.get("processDefinitionKey").asText(), "tenantId", "acme")).status())
        .as("another tenant's definition key is not found").isEqualTo(404);
    assertThat(ana.search("process-instances", Map.of())).extracting(i -> i.get("processInstanceKey").asText())
        .containsExactly(acmeInstance);
    assertThat(ana.get("/process-instances/" + globexInstance).status()).isEqualTo(404);
    assertThat(ana.postWithoutBody("/process-instances/" + globexInstance + "/cancellation").status()).isEqualTo(404);
    assertThat(ana.put("/element-instances/" + globexInstance + "/variables", Map.of("variables", Map.of("x", 1))).status())
        .isEqualTo(404);

    root.awaitJobCount("with-headers", 2);
    List<JsonNode> anasJobs = activate(ana, Map.of("tenantIds", List.of("acme")));
    assertThat(anasJobs).extracting(j -> j.get("tenantId").asText()).containsExactly("acme");
    assertThat(ana.post("/jobs/activation", activation(Map.of("tenantIds", List.of("globex")))).status()).isEqualTo(403);
    assertThat(ana.post("/jobs/activation", activation(Map.of())).status()).as("no tenants named").isEqualTo(400);

    List<JsonNode> bobsJobs = activate(bob, Map.of("tenantFilter", "ASSIGNED"));
    assertThat(bobsJobs).extracting(j -> j.get("tenantId").asText()).containsExactly("globex");
    String bobsJob = bobsJobs.get(0).get("jobKey").asText();
    assertThat(ana.post("/jobs/" + bobsJob + "/completion", Map.of()).status()).as("another tenant's job is not found").isEqualTo(404);
    assertThat(ana.search("jobs", Map.of())).extracting(j -> j.get("tenantId").asText()).containsOnly("acme");
    assertThat(bob.post("/jobs/" + bobsJob + "/completion", Map.of()).status()).isEqualTo(204);
    bob.awaitInstanceState(globexInstance, "COMPLETED");
    assertThat(ana.getInstance(acmeInstance).get("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void anInstanceIsMigratedOnlyWithinItsTenantAndOnlyByItsTenantsUsers() {
    deployed(ana, "acme", "bpmn/migration-order-v1.bpmn");
    String globexTarget = deployed(bob, "globex", "bpmn/migration-order-v2.bpmn").get("processDefinitionKey").asText();
    String acmeInstance = createdWith(ana, "acme", "migration-order", Map.of("orderId", "o-1"));
    root.awaitJobCount("work-a", 1);
    Map<String, Object> toGlobex = Map.of("targetProcessDefinitionKey", globexTarget,
        "mappingInstructions", List.of(Map.of("sourceElementId", "Task_A", "targetElementId", "Task_A2")));

    EngineHttp.Response acrossTenants = root.post("/process-instances/" + acmeInstance + "/migration", toGlobex);
    assertThat(acrossTenants.status()).as(acrossTenants.body()).isEqualTo(404);
    assertThat(acrossTenants.json().get("detail").asText()).contains(globexTarget).contains("tenant 'acme'");
    assertThat(bob.post("/process-instances/" + acmeInstance + "/migration", toGlobex).status())
        .as("another tenant's instance is not found").isEqualTo(404);
    String acmeTarget = deployed(ana, "acme", "bpmn/migration-order-v2.bpmn").get("processDefinitionKey").asText();
    assertThat(ana.post("/process-instances/" + acmeInstance + "/migration", Map.of("targetProcessDefinitionKey", acmeTarget,
        "mappingInstructions", List.of(Map.of("sourceElementId", "Task_A", "targetElementId", "Task_A2")))).status()).isEqualTo(204);
    assertThat(ana.getInstance(acmeInstance).get("processDefinitionKey").asText()).isEqualTo(acmeTarget);
  }

  @Test
  void aMessageCorrelatesOnlyWithinItsTenant() throws InterruptedException {
    deployed(ana, "acme", "bpmn/message-intermediate-catch.bpmn");
    deployed(bob, "globex", "bpmn/message-intermediate-catch.bpmn");
    String acmeInstance = createdWith(ana, "acme", "message-intermediate-catch", Map.of("orderId", "o-1"));
    String globexInstance = createdWith(bob, "globex", "message-intermediate-catch", Map.of("orderId", "o-1"));
    awaitSubscriptions(2);

    assertThat(ana.post("/messages/correlation", Map.of("name", "payment-received", "correlationKey", "o-1", "tenantId", "acme")).status())
        .isEqualTo(200);

    root.awaitJobCount("ship-order", 1);
    assertThat(root.search("jobs", Map.of("filter", Map.of("type", "ship-order"))))
        .extracting(j -> j.get("processInstanceKey").asText()).containsExactly(acmeInstance);
    assertThat(bob.search("message-subscriptions", Map.of("filter", Map.of("messageSubscriptionState", "CREATED"))))
        .extracting(s -> s.get("processInstanceKey").asText()).containsExactly(globexInstance);
    assertThat(bob.search("correlated-message-subscriptions", Map.of())).isEmpty();
  }

  @Test
  void aKeyedMessageStartsOneInstancePerTenantNotOneInAll() {
    deployed(ana, "acme", "bpmn/message-start-event.bpmn");
    deployed(bob, "globex", "bpmn/message-start-event.bpmn");
    Map<String, Object> acmeOrder = Map.of("name", "order-placed", "correlationKey", "o-1", "tenantId", "acme");
    Map<String, Object> globexOrder = Map.of("name", "order-placed", "correlationKey", "o-1", "tenantId", "globex");

    assertThat(ana.post("/messages/publication", acmeOrder).status()).isEqualTo(200);
    assertThat(bob.post("/messages/publication", globexOrder).status()).isEqualTo(200);
    assertThat(ana.post("/messages/publication", acmeOrder).status()).isEqualTo(200); // waits: acme's o-1 is active

    root.awaitJobCount("process-placed-order", 2);
    assertThat(root.search("process-instances", Map.of()))
        .extracting(i -> i.get("tenantId").asText()).containsExactlyInAnyOrder("acme", "globex");
  }

  @Test
  void aSignalStartsInstancesOnlyInItsTenant() {
    deployed(ana, "acme", "bpmn/signal-start-event.bpmn");
    deployed(bob, "globex", "bpmn/signal-start-event.bpmn");

    EngineHttp.Response broadcast = ana.post("/signals/broadcast", Map.of("signalName", "system-alert", "tenantId", "acme"));

    assertThat(broadcast.status()).isEqualTo(200);
    assertThat(broadcast.json().get("tenantId").asText()).isEqualTo("acme");
    root.awaitJobCount("handle-alert", 1);
    assertThat(root.search("process-instances", Map.of())).extracting(i -> i.get("tenantId").asText()).containsExactly("acme");
    assertThat(bob.search("process-instances", Map.of())).isEmpty();
  }

  @Test
  void incidentsVariablesAndElementInstancesOfAnotherTenantAreInvisible() {
    deployed(bob, "globex", "bpmn/service-task-headers.bpmn");
    String globexInstance = createdWith(bob, "globex", "service-task-headers", Map.of("secret", "globex-only"));
    bob.awaitJobCount("with-headers", 1);
    JsonNode job = activate(bob, Map.of("tenantIds", List.of("globex"))).get(0);
    assertThat(bob.post("/jobs/" + job.get("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", "boom")).status())
        .isEqualTo(204);
    JsonNode incident = bob.awaitActiveIncident(globexInstance);
    JsonNode variable = bob.search("variables", Map.of("filter", Map.of("name", "secret"))).get(0);

    assertThat(ana.search("incidents", Map.of())).isEmpty();
    assertThat(ana.get("/incidents/" + incident.get("incidentKey").asText()).status()).isEqualTo(404);
    assertThat(ana.postWithoutBody("/incidents/" + incident.get("incidentKey").asText() + "/resolution").status()).isEqualTo(404);
    assertThat(ana.search("variables", Map.of())).isEmpty();
    assertThat(ana.get("/variables/" + variable.get("variableKey").asText()).status()).isEqualTo(404);
    assertThat(ana.search("element-instances", Map.of())).isEmpty();
    assertThat(ana.post("/process-instances/cancellation", Map.of("filter", Map.of())).status()).isEqualTo(200);
    assertThat(bob.getInstance(globexInstance).get("state").asText()).as("a batch never takes another tenant's instances")
        .isEqualTo("ACTIVE");
  }

  @Test
  void tenantMembershipThroughTheApiGrantsATenant() {
    assertThat(root.post("/tenants", Map.of("tenantId", "acme", "name", "ACME")).status()).isEqualTo(201);
    assertThat(root.post("/users", Map.of("username", "carol", "password", "pw-c", "name", "Carol")).status()).isEqualTo(201);
    EngineHttp carol = new EngineHttp(engine.restAddress(), basic("carol", "pw-c"));
    assertThat(carol.deployTo("acme", "bpmn/service-task-headers.bpmn").status()).as("no tenant yet").isEqualTo(403);

    assertThat(root.put("/tenants/acme/users/carol", Map.of()).status()).isEqualTo(204);
    assertThat(carol.deployTo("acme", "bpmn/service-task-headers.bpmn").status()).isEqualTo(200);

    assertThat(root.post("/groups", Map.of("groupId", "ops", "name", "Operations")).status()).isEqualTo(201);
    assertThat(root.post("/tenants", Map.of("tenantId", "globex", "name", "Globex")).status()).isEqualTo(201);
    assertThat(root.put("/groups/ops/users/carol", Map.of()).status()).isEqualTo(204);
    assertThat(root.put("/tenants/globex/groups/ops", Map.of()).status()).isEqualTo(204);
    assertThat(carol.deployTo("globex", "bpmn/service-task-headers.bpmn").status()).as("through her group").isEqualTo(200);

    assertThat(root.delete("/tenants/acme/users/carol").status()).isEqualTo(204);
    assertThat(carol.search("process-definitions", Map.of())).extracting(d -> d.get("tenantId").asText()).containsExactly("globex");
  }

  @Test
  void aClientOfTheTokenEndpointGetsTenantsByMembershipToo() {
    try (Engine oidc = Engine.start(EngineConfig.builder()
        .auth(EngineAuth.builtInIssuer(List.of(EngineCredential.parse("admin:admin-secret:acme"), EngineCredential.parse("worker:w-secret")))
            .withAudience("camunda4j"))
        .multiTenancy(true)
        .build())) {
      EngineHttp admin = new EngineHttp(oidc.restAddress(), "Bearer " + token(oidc, "admin", "admin-secret"));
      EngineHttp worker = new EngineHttp(oidc.restAddress(), "Bearer " + token(oidc, "worker", "w-secret"));
      assertThat(worker.deployTo("<default>", "bpmn/service-task-headers.bpmn").status()).as("no tenants given: <default>").isEqualTo(200);
      assertThat(worker.deployTo("acme", "bpmn/service-task-headers.bpmn").status()).isEqualTo(403);

      assertThat(admin.post("/tenants", Map.of("tenantId", "acme", "name", "ACME")).status()).isEqualTo(201);
      assertThat(admin.put("/tenants/acme/clients/worker", Map.of()).status()).isEqualTo(204);

      assertThat(worker.deployTo("acme", "bpmn/service-task-headers.bpmn").status()).isEqualTo(200);
      assertThat(admin.search("process-definitions", Map.of())).extracting(d -> d.get("tenantId").asText()).containsExactly("acme");
    }
  }

  @Test
  void withoutMultiTenancyOnlyTheDefaultTenantExists() {
    try (Engine plain = Engine.start(EngineConfig.builder().auth(EngineAuth.basic(List.of(EngineCredential.parse("ana:pw-a:acme")))).build())) {
      EngineHttp caller = new EngineHttp(plain.restAddress(), basic("ana", "pw-a"));
      EngineHttp.Response acme = caller.deployTo("acme", "bpmn/service-task-headers.bpmn");
      assertThat(acme.status()).isEqualTo(400);
      assertThat(acme.json().get("detail").asText()).contains("'acme'").contains("multi-tenancy is disabled");
      assertThat(caller.deployTo(null, "bpmn/service-task-headers.bpmn").status()).isEqualTo(200);
      assertThat(caller.post("/jobs/activation", activation(Map.of("tenantIds", List.of("acme")))).status()).isEqualTo(400);
      EngineHttp.Response assigned = caller.post("/jobs/activation", activation(Map.of("tenantFilter", "ASSIGNED")));
      assertThat(assigned.status()).isEqualTo(400);
      assertThat(assigned.json().get("detail").asText()).contains("ASSIGNED");
      assertThat(caller.post("/process-instances", Map.of("processDefinitionId", "service-task-headers")).json().get("tenantId").asText())
          .isEqualTo("<default>");
    }
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> EngineConfig.builder().multiTenancy(true).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--auth basic or oidc");
  }

  private static String token(Engine engine, String clientId, String secret) {
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(engine.restAddress().resolve("/oauth/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                  "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret))
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("access_token").asText();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode deployed(EngineHttp caller, String tenantId, String resource) {
    EngineHttp.Response response = caller.deployTo(tenantId, resource);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("deployments").get(0).get("processDefinition");
  }

  private static String created(EngineHttp caller, String tenantId) {
    return createdWith(caller, tenantId, "service-task-headers", Map.of());
  }

  private static String createdWith(EngineHttp caller, String tenantId, String processId, Map<String, Object> variables) {
    EngineHttp.Response response =
        caller.post("/process-instances", Map.of("processDefinitionId", processId, "tenantId", tenantId, "variables", variables));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("tenantId").asText()).isEqualTo(tenantId);
    return response.json().get("processInstanceKey").asText();
  }

  private static Map<String, Object> activation(Map<String, Object> tenants) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "with-headers", "timeout", 60_000, "maxJobsToActivate", 10,
        "requestTimeout", -1));
    body.putAll(tenants);
    return body;
  }

  private static List<JsonNode> activate(EngineHttp caller, Map<String, Object> tenants) {
    EngineHttp.Response response = caller.post("/jobs/activation", activation(tenants));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> jobs = new ArrayList<>();
    response.json().get("jobs").forEach(jobs::add);
    return jobs;
  }

  /** Instances open their subscriptions in commands of their own, after the creation answered. */
  private void awaitSubscriptions(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (root.search("message-subscriptions", Map.of()).size() < count) {
      assertThat(System.nanoTime()).as(count + " message subscriptions open").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
