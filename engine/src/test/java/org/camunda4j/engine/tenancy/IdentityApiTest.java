package org.camunda4j.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** {@code /v2/users}, {@code /v2/tenants}, {@code /v2/groups}, {@code /v2/roles} and {@code /v2/authorizations} over HTTP. */
class IdentityApiTest {

  @TempDir Path data;
  private Engine engine;
  private EngineHttp admin;

  @BeforeEach
  void start() {
    engine = start(data);
    admin = new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("admin", "pw"));
  }

  private static Engine start(Path data) {
    return Engine.start(EngineConfig.builder()
        .auth(EngineAuth.basic(List.of(EngineCredential.parse("admin:pw"))))
        .dataDirectory(data)
        .build());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void usersAreCreatedReadUpdatedSearchedAndDeleted() {
    EngineHttp.Response created = admin.post("/users", Map.of("username", "dana", "password", "first", "name", "Dana", "email", "dana@example.com"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json()).isEqualTo(EngineHttpJson.of(Map.of("username", "dana", "name", "Dana", "email", "dana@example.com")));
    assertThat(created.body()).doesNotContain("first");

    assertThat(admin.get("/users/dana").json().get("name").asText()).isEqualTo("Dana");
    EngineHttp.Response updated = admin.put("/users/dana", Map.of("name", "Dana S.", "password", "second"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("name").asText()).isEqualTo("Dana S.");
    assertThat(updated.json().get("email").asText()).as("a field left out keeps its value").isEqualTo("dana@example.com");
    admin.post("/users", Map.of("username", "eve", "password", "pw-e"));
    assertThat(admin.search("users", Map.of("filter", Map.of("name", "Dana S.")))).extracting(u -> u.get("username").asText())
        .containsExactly("dana");

    assertThat(admin.delete("/users/dana").status()).isEqualTo(204);
    assertThat(admin.get("/users/dana").status()).isEqualTo(404);
    assertThat(admin.search("users", Map.of())).extracting(u -> u.get("username").asText()).containsExactly("eve");
  }

  @Test
  void aUserCreatedThroughTheApiSignsInWithBasicUntilDeleted() {
    admin.post("/users", Map.of("username", "dana", "password", "first"));
    EngineHttp dana = new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("dana", "first"));
    EngineHttp wrong = new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("dana", "wrong"));

    assertThat(dana.get("/topology").status()).isEqualTo(200);
    assertThat(wrong.get("/topology").status()).isEqualTo(401);

    admin.put("/users/dana", Map.of("password", "second"));
    assertThat(dana.get("/topology").status()).as("the old password no longer works").isEqualTo(401);
    assertThat(new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("dana", "second")).get("/topology").status()).isEqualTo(200);

    admin.delete("/users/dana");
    assertThat(new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("dana", "second")).get("/topology").status()).isEqualTo(401);
  }

  @Test
  void badInputDuplicatesAndUnknownsAreProblems() {
    assertProblem(admin.post("/users", Map.of("username", "dana")), 400, "password");
    assertProblem(admin.post("/users", Map.of("username", "no spaces", "password", "x")), 400, "username");
    assertProblem(admin.post("/users", Map.of("username", "dana", "password", "x", "email", "not-an-email")), 400, "email");
    admin.post("/users", Map.of("username", "dana", "password", "x"));
    assertProblem(admin.post("/users", Map.of("username", "dana", "password", "y")), 409, "already exists");
    assertProblem(admin.put("/users/nobody", Map.of("name", "x")), 404, "'nobody'");

    assertProblem(admin.post("/tenants", Map.of("tenantId", "acme")), 400, "name");
    assertProblem(admin.post("/tenants", Map.of("tenantId", "this-tenant-id-is-longer-than-31-chars", "name", "x")), 400, "tenantId");
    admin.post("/tenants", Map.of("tenantId", "acme", "name", "ACME"));
    assertProblem(admin.post("/tenants", Map.of("tenantId", "acme", "name", "again")), 409, "already exists");
    assertProblem(admin.put("/tenants/nope/users/dana", Map.of()), 404, "'nope'");
    admin.put("/tenants/acme/users/dana", Map.of());
    assertProblem(admin.put("/tenants/acme/users/dana", Map.of()), 409, "already a member");
    assertProblem(admin.delete("/tenants/acme/clients/worker"), 404, "not a member");
    assertProblem(admin.put("/tenants/acme/groups/ghosts", Map.of()), 404, "'ghosts'");
    assertProblem(admin.delete("/tenants/%3Cdefault%3E"), 400, "cannot be deleted");

    assertProblem(admin.post("/authorizations", Map.of("ownerId", "dana", "ownerType", "USER", "resourceType", "PROCESS_DEFINITION",
        "permissionTypes", List.of("READ"))), 400, "resourceId");
    assertProblem(admin.post("/authorizations", Map.of("ownerId", "dana", "ownerType", "ROBOT", "resourceType", "PROCESS_DEFINITION",
        "resourceId", "*", "permissionTypes", List.of("READ"))), 400, "ownerType");
    assertProblem(admin.post("/authorizations", Map.of("ownerId", "dana", "ownerType", "USER", "resourceType", "PROCESS_DEFINITION",
        "resourceId", "*", "permissionTypes", List.of("FLY"))), 400, "'FLY'");
    assertProblem(admin.get("/authorizations/2251799813685249"), 404, "2251799813685249");
  }

  @Test
  void tenantsGroupsAndRolesKeepTheirMembers() {
    assertThat(admin.post("/tenants", Map.of("tenantId", "acme", "name", "ACME", "description", "the first")).json())
        .isEqualTo(EngineHttpJson.of(Map.of("tenantId", "acme", "name", "ACME", "description", "the first")));
    assertThat(admin.post("/groups", Map.of("groupId", "ops", "name", "Operations")).status()).isEqualTo(201);
    assertThat(admin.post("/roles", Map.of("roleId", "auditor", "name", "Auditor")).status()).isEqualTo(201);
    assertThat(admin.put("/tenants/acme/users/dana", Map.of()).status()).isEqualTo(204);
    assertThat(admin.put("/tenants/acme/clients/worker-1", Map.of()).status()).isEqualTo(204);
    assertThat(admin.put("/tenants/acme/groups/ops", Map.of()).status()).isEqualTo(204);
    assertThat(admin.put("/tenants/acme/roles/auditor", Map.of()).status()).isEqualTo(204);
    assertThat(admin.put("/groups/ops/users/eve", Map.of()).status()).isEqualTo(204);
    assertThat(admin.put("/roles/auditor/groups/ops", Map.of()).status()).isEqualTo(204);

    assertThat(admin.search("tenants/acme/users", Map.of())).extracting(m -> m.get("username").asText()).containsExactly("dana");
    assertThat(admin.search("tenants/acme/clients", Map.of())).extracting(m -> m.get("clientId").asText()).containsExactly("worker-1");
    assertThat(admin.search("tenants/acme/groups", Map.of())).extracting(m -> m.get("groupId").asText()).containsExactly("ops");
    assertThat(admin.search("tenants/acme/roles", Map.of())).extracting(m -> m.get("name").asText()).containsExactly("Auditor");
    assertThat(admin.search("groups/ops/users", Map.of())).extracting(m -> m.get("username").asText()).containsExactly("eve");
    assertThat(admin.search("roles/auditor/groups", Map.of())).extracting(m -> m.get("groupId").asText()).containsExactly("ops");
    assertThat(admin.search("tenants", Map.of())).extracting(t -> t.get("tenantId").asText())
        .containsExactlyInAnyOrder("acme", "<default>");

    assertThat(admin.put("/groups/ops", Map.of("name", "Ops")).json().get("name").asText()).isEqualTo("Ops");
    assertThat(admin.delete("/groups/ops").status()).isEqualTo(204);
    assertThat(admin.search("tenants/acme/groups", Map.of())).as("a deleted group leaves its tenants").isEmpty();
    assertThat(admin.search("roles/auditor/groups", Map.of())).as("and its roles").isEmpty();
    assertThat(admin.delete("/tenants/acme").status()).isEqualTo(204);
    assertThat(admin.get("/tenants/acme").status()).isEqualTo(404);
  }

  @Test
  void authorizationsAreStoredSearchedUpdatedAndDeleted() {
    EngineHttp.Response created = admin.post("/authorizations", Map.of("ownerId", "dana", "ownerType", "USER",
        "resourceType", "PROCESS_DEFINITION", "resourceId", "order", "permissionTypes", List.of("READ_PROCESS_INSTANCE", "CREATE_PROCESS_INSTANCE")));
    assertThat(created.status()).isEqualTo(201);
    String key = created.json().get("authorizationKey").asText();
    admin.post("/authorizations", Map.of("ownerId", "ops", "ownerType", "GROUP", "resourceType", "USER_TASK",
        "resourcePropertyName", "assignee", "permissionTypes", List.of("READ")));

    JsonNode read = admin.get("/authorizations/" + key).json();
    assertThat(read.get("ownerId").asText()).isEqualTo("dana");
    assertThat(read.get("permissionTypes")).extracting(JsonNode::asText).containsExactly("READ_PROCESS_INSTANCE", "CREATE_PROCESS_INSTANCE");
    assertThat(admin.search("authorizations", Map.of("filter", Map.of("resourceIds", List.of("order")))))
        .extracting(a -> a.get("authorizationKey").asText()).containsExactly(key);
    assertThat(admin.search("authorizations", Map.of("filter", Map.of("ownerType", "GROUP")))).hasSize(1);

    assertThat(admin.put("/authorizations/" + key, Map.of("ownerId", "dana", "ownerType", "USER", "resourceType", "PROCESS_DEFINITION",
        "resourceId", "*", "permissionTypes", List.of("READ"))).status()).isEqualTo(204);
    assertThat(admin.get("/authorizations/" + key).json().get("resourceId").asText()).isEqualTo("*");
    assertThat(admin.delete("/authorizations/" + key).status()).isEqualTo(204);
    assertThat(admin.get("/authorizations/" + key).status()).isEqualTo(404);
  }

  @Test
  void meDescribesTheSignedInUserAndWhereItBelongs() {
    admin.post("/users", Map.of("username", "dana", "password", "pw-d", "name", "Dana", "email", "dana@example.com"));
    admin.post("/tenants", Map.of("tenantId", "acme", "name", "ACME", "description", "ours"));
    admin.post("/groups", Map.of("groupId", "ops", "name", "Operations"));
    admin.post("/roles", Map.of("roleId", "auditor", "name", "Auditor"));
    admin.put("/groups/ops/users/dana", Map.of());
    admin.put("/roles/auditor/groups/ops", Map.of());
    admin.put("/tenants/acme/roles/auditor", Map.of());

    EngineHttp.Response me = new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("dana", "pw-d")).get("/authentication/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json()).isEqualTo(EngineHttpJson.of(new java.util.LinkedHashMap<>(Map.of(
        "username", "dana", "displayName", "Dana", "email", "dana@example.com", "authorizedComponents", List.of("*"),
        "tenants", List.of(Map.of("tenantId", "acme", "name", "ACME", "description", "ours")), "groups", List.of("ops"),
        "roles", List.of("auditor"), "c8Links", Map.of(), "canLogout", true))).set("salesPlanType", null));
    JsonNode configured = admin.get("/authentication/me").json();
    assertThat(configured.get("username").asText()).isEqualTo("admin");
    assertThat(configured.get("displayName").asText()).as("no user record: the username").isEqualTo("admin");
    assertThat(configured.get("email").isNull()).isTrue();
    assertThat(configured.get("tenants")).extracting(t -> t.get("tenantId").asText()).containsExactly("<default>");
  }

  @Test
  void everythingSurvivesARestart() {
    admin.post("/users", Map.of("username", "dana", "password", "pw-d", "name", "Dana"));
    admin.post("/tenants", Map.of("tenantId", "acme", "name", "ACME"));
    admin.put("/tenants/acme/users/dana", Map.of());
    String key = admin.post("/authorizations", Map.of("ownerId", "dana", "ownerType", "USER", "resourceType", "TENANT",
        "resourceId", "acme", "permissionTypes", List.of("READ"))).json().get("authorizationKey").asText();

    engine.close();
    engine = start(data);
    admin = new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("admin", "pw"));

    assertThat(new EngineHttp(engine.restAddress(), MultiTenancyTest.basic("dana", "pw-d")).get("/topology").status()).isEqualTo(200);
    assertThat(admin.search("tenants/acme/users", Map.of())).extracting(m -> m.get("username").asText()).containsExactly("dana");
    assertThat(admin.get("/authorizations/" + key).status()).isEqualTo(200);
  }

  private static void assertProblem(EngineHttp.Response response, int status, String detailPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains(detailPart);
  }

  /** JSON trees to compare answers with. */
  private static final class EngineHttpJson {
    static com.fasterxml.jackson.databind.node.ObjectNode of(Map<String, ?> value) {
      return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
    }
  }
}
