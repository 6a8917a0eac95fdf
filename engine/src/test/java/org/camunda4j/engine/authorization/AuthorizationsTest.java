package org.camunda4j.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
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
 * An engine with authorizations on: the configured user may do everything, users created through
 * the API only what authorizations grant them (directly or through a group); commands without the
 * permission are 403 in 8.9's words, searches and job activation leave out what the caller may not
 * see or take.
 */
class AuthorizationsTest {

  private Engine engine;
  private EngineHttp admin;
  private EngineHttp dana;

  @BeforeEach
  void start() {
    engine = Engine.start(EngineConfig.builder()
        .auth(EngineAuth.basic(List.of(EngineCredential.parse("admin:pw"))))
        .authorizations(true)
        .build());
    admin = new EngineHttp(engine.restAddress(), basic("admin", "pw"));
    assertThat(admin.post("/users", Map.of("username", "dana", "password", "pw-d")).status()).isEqualTo(201);
    dana = new EngineHttp(engine.restAddress(), basic("dana", "pw-d"));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void anApiUserMayDoOnlyWhatItIsGranted() {
    assertForbidden(dana.deploy("bpmn/authz-orders.bpmn"), "Insufficient permissions to perform operation 'CREATE' on resource 'RESOURCE'");
    admin.deployOk("bpmn/authz-orders.bpmn", "bpmn/authz-payroll.bpmn");

    assertForbidden(dana.post("/process-instances", Map.of("processDefinitionId", "orders")),
        "Insufficient permissions to perform operation 'CREATE_PROCESS_INSTANCE' on resource 'PROCESS_DEFINITION', "
            + "required resource identifiers are one of '[*, orders]'");
    grant("dana", "USER", "PROCESS_DEFINITION", "orders", "CREATE_PROCESS_INSTANCE");

    assertThat(dana.post("/process-instances", Map.of("processDefinitionId", "orders")).status()).isEqualTo(200);
    assertForbidden(dana.post("/process-instances", Map.of("processDefinitionId", "payroll")), "'[*, payroll]'");
    String payrollKey = admin.createInstance("payroll");
    assertForbidden(dana.post("/process-instances/" + payrollKey + "/cancellation", Map.of()), "'CANCEL_PROCESS_INSTANCE'");
    assertForbidden(dana.post("/messages/publication", Map.of("name", "m", "correlationKey", "k")), "'CREATE' on resource 'MESSAGE'");
  }

  @Test
  void searchesShowOnlyWhatTheCallerMayReadInsteadOfRefusing() {
    admin.deployOk("bpmn/authz-orders.bpmn", "bpmn/authz-payroll.bpmn");
    String order = admin.createInstance("orders");
    admin.createInstance("payroll");

    EngineHttp.Response none = dana.post("/process-instances/search", Map.of());
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("items")).isEmpty();
    grant("dana", "USER", "PROCESS_DEFINITION", "orders", "READ_PROCESS_INSTANCE");

    assertThat(dana.search("process-instances", Map.of())).extracting(i -> i.get("processInstanceKey").asText()).containsExactly(order);
    assertThat(dana.search("process-definitions", Map.of())).as("reading instances is not reading definitions").isEmpty();
    assertThat(dana.get("/process-instances/" + order).status()).isEqualTo(200);
    assertThat(admin.search("process-instances", Map.of())).as("the configured user sees everything").hasSize(2);
  }

  @Test
  void aWorkerTakesOnlyJobsOfProcessesItMayUpdate() {
    admin.deployOk("bpmn/authz-orders.bpmn", "bpmn/authz-payroll.bpmn");
    admin.createInstance("payroll");
    admin.createInstance("orders");
    admin.awaitJobCount("book", 2);

    assertThat(dana.activateNow("book")).as("no permission: no jobs, and no 403 for the worker's poll").isEmpty();
    grant("dana", "USER", "PROCESS_DEFINITION", "orders", "UPDATE_PROCESS_INSTANCE");

    List<JsonNode> jobs = dana.activateNow("book");
    assertThat(jobs).extracting(j -> j.get("processDefinitionId").asText()).containsExactly("orders");
    assertThat(dana.post("/jobs/" + jobs.getFirst().get("jobKey").asText() + "/completion", Map.of()).status()).isEqualTo(204);
    JsonNode payrollJob = admin.activateNow("book").getFirst();
    assertForbidden(dana.post("/jobs/" + payrollJob.get("jobKey").asText() + "/completion", Map.of()),
        "'UPDATE_PROCESS_INSTANCE' on resource 'PROCESS_DEFINITION', required resource identifiers are one of '[*, payroll]'");
  }

  @Test
  void permissionsComeThroughGroupsAndGoWithTheMembership() {
    admin.deployOk("bpmn/authz-orders.bpmn");
    admin.post("/groups", Map.of("groupId", "clerks", "name", "Clerks"));
    grant("clerks", "GROUP", "PROCESS_DEFINITION", "*", "CREATE_PROCESS_INSTANCE");
    assertForbidden(dana.post("/process-instances", Map.of("processDefinitionId", "orders")), "CREATE_PROCESS_INSTANCE");

    admin.put("/groups/clerks/users/dana", Map.of());
    assertThat(dana.post("/process-instances", Map.of("processDefinitionId", "orders")).status()).isEqualTo(200);

    admin.delete("/groups/clerks/users/dana");
    assertForbidden(dana.post("/process-instances", Map.of("processDefinitionId", "orders")), "CREATE_PROCESS_INSTANCE");
  }

  @Test
  void theIdentityApiIsGuardedSoNobodyGrantsItself() {
    assertForbidden(dana.post("/authorizations", Map.of("ownerId", "dana", "ownerType", "USER", "resourceType", "AUTHORIZATION",
        "resourceId", "*", "permissionTypes", List.of("CREATE"))), "'CREATE' on resource 'AUTHORIZATION'");
    assertForbidden(dana.post("/users", Map.of("username", "mallory", "password", "x")), "'CREATE' on resource 'USER'");
    assertForbidden(dana.get("/users/dana"), "'READ' on resource 'USER', required resource identifiers are one of '[*, dana]'");
    assertThat(dana.search("users", Map.of())).as("a search leaves out what dana may not read").isEmpty();
    grant("dana", "USER", "USER", "dana", "READ");

    assertThat(dana.get("/users/dana").status()).isEqualTo(200);
    assertThat(dana.search("users", Map.of())).extracting(u -> u.get("username").asText()).containsExactly("dana");
    assertThat(admin.search("users", Map.of())).as("admin is no API user, dana is the only one").hasSize(1);
    assertForbidden(dana.get("/users/admin"), "'[*, admin]'");
    assertForbidden(dana.put("/groups/ops/users/dana", Map.of()), "'UPDATE' on resource 'GROUP'");

    JsonNode me = dana.get("/authentication/me").json();
    assertThat(me.get("authorizedComponents")).as("no COMPONENT access granted").isEmpty();
    grant("dana", "USER", "COMPONENT", "operate", "ACCESS");
    assertThat(dana.get("/authentication/me").json().get("authorizedComponents").toString()).isEqualTo("[\"operate\"]");
    assertThat(admin.get("/authentication/me").json().get("authorizedComponents").toString()).isEqualTo("[\"*\"]");
  }

  @Test
  void aCandidateUserSeesItsTaskThroughAPropertyGrant() {
    admin.deployOk("usertask/user-task-static-attributes.bpmn");
    admin.createInstance("user-task-static-attributes");
    admin.post("/users", Map.of("username", "alice", "password", "pw-a"));
    EngineHttp alice = new EngineHttp(engine.restAddress(), basic("alice", "pw-a"));
    grant("alice", "USER", "USER_TASK", null, "READ");
    grant("dana", "USER", "USER_TASK", null, "READ");

    List<JsonNode> tasks = alice.search("user-tasks", Map.of());
    assertThat(tasks).as("alice is a candidate user").hasSize(1);
    assertThat(dana.search("user-tasks", Map.of())).as("dana is not").isEmpty();
    String taskKey = tasks.getFirst().get("userTaskKey").asText();
    assertThat(alice.get("/user-tasks/" + taskKey).status()).isEqualTo(200);
    assertForbidden(dana.get("/user-tasks/" + taskKey), "'READ_USER_TASK'");
    assertForbidden(alice.post("/user-tasks/" + taskKey + "/completion", Map.of()), "'COMPLETE_USER_TASK'");
  }

  @Test
  void withMultiTenancyAKeyOfAnotherTenantIsA404NotA403() {
    try (Engine tenanted = Engine.start(EngineConfig.builder()
        .auth(EngineAuth.basic(List.of(EngineCredential.parse("admin:pw:acme"), EngineCredential.parse("boss:pw:globex"))))
        .multiTenancy(true)
        .authorizations(true)
        .build())) {
      EngineHttp acmeAdmin = new EngineHttp(tenanted.restAddress(), basic("admin", "pw"));
      EngineHttp globexAdmin = new EngineHttp(tenanted.restAddress(), basic("boss", "pw"));
      acmeAdmin.post("/users", Map.of("username", "dana", "password", "pw-d"));
      acmeAdmin.put("/tenants/%3Cdefault%3E/users/dana", Map.of());
      EngineHttp tenantedDana = new EngineHttp(tenanted.restAddress(), basic("dana", "pw-d"));
      assertThat(globexAdmin.deployTo("globex", "bpmn/authz-orders.bpmn").status()).isEqualTo(200);
      String globexOrder = globexAdmin.post("/process-instances", Map.of("processDefinitionId", "orders", "tenantId", "globex"))
          .json().get("processInstanceKey").asText();

      EngineHttp.Response probe = tenantedDana.post("/process-instances/" + globexOrder + "/cancellation", Map.of());
      assertThat(probe.status()).as("dana may not cancel, but must not learn that the key exists: %s", probe.body()).isEqualTo(404);
    }
  }

  @Test
  void authorizationsNeedAuthentication() {
    assertThat(catchThrowable(() -> EngineConfig.builder().authorizations(true).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--auth basic or oidc");
  }

  /** Grants on a resource id, or (resourceId null) on the candidateUsers property. */
  private void grant(String ownerId, String ownerType, String resourceType, String resourceId, String... permissions) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("ownerId", ownerId, "ownerType", ownerType, "resourceType", resourceType,
        "permissionTypes", List.of(permissions)));
    if (resourceId != null) {
      body.put("resourceId", resourceId);
    } else {
      body.put("resourcePropertyName", "candidateUsers");
    }
    EngineHttp.Response created = admin.post("/authorizations", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static void assertForbidden(EngineHttp.Response response, String detailPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("title").asText()).isEqualTo("FORBIDDEN");
    assertThat(response.json().get("detail").asText()).contains(detailPart);
  }

  static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
