package org.camunda4j.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
 * {@code /v2/mapping-rules}: rules as members of tenants, groups and roles, matched against the
 * claims of tokens from an external identity provider; {@code /v2/authentication/me} shows where a
 * caller belongs through them.
 */
class MappingRulesTest {

  private TestIdentityProvider provider;
  private Engine engine;
  private EngineHttp admin;

  @BeforeEach
  void start() throws Exception {
    provider = new TestIdentityProvider();
    engine = Engine.start(EngineConfig.builder()
        .auth(new EngineAuth.Oidc(java.net.URI.create(TestIdentityProvider.ISSUER), provider.jwksUri(), TestIdentityProvider.AUDIENCE,
            List.of(EngineCredential.parse("admin:admin-secret")), Duration.ofMinutes(5)))
        .multiTenancy(true)
        .build());
    admin = new EngineHttp(engine.restAddress(), "Bearer " + Tokens.builtIn(engine, "admin", "admin-secret"));
  }

  @AfterEach
  void stop() {
    engine.close();
    provider.close();
  }

  @Test
  void mappingRulesAreCreatedReadUpdatedSearchedAndDeleted() {
    EngineHttp.Response created = admin.post("/mapping-rules",
        Map.of("mappingRuleId", "engineers", "claimName", "groups", "claimValue", "eng", "name", "Engineers"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().toString())
        .isEqualTo("{\"claimName\":\"groups\",\"claimValue\":\"eng\",\"mappingRuleId\":\"engineers\",\"name\":\"Engineers\"}");
    admin.post("/mapping-rules", Map.of("mappingRuleId", "sales", "claimName", "department", "claimValue", "sales", "name", "Sales"));

    assertThat(admin.get("/mapping-rules/engineers").json().get("claimValue").asText()).isEqualTo("eng");
    EngineHttp.Response updated = admin.put("/mapping-rules/engineers", Map.of("claimName", "groups", "claimValue", "engineering",
        "name", "Engineering"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("claimValue").asText()).isEqualTo("engineering");
    assertThat(admin.search("mapping-rules", Map.of("filter", Map.of("claimName", "department"))))
        .extracting(rule -> rule.get("mappingRuleId").asText()).containsExactly("sales");

    admin.post("/groups", Map.of("groupId", "ops", "name", "Operations"));
    admin.post("/roles", Map.of("roleId", "auditor", "name", "Auditor"));
    admin.post("/tenants", Map.of("tenantId", "acme", "name", "ACME"));
    assertThat(admin.put("/groups/ops/mapping-rules/engineers", Map.of()).status()).isEqualTo(204);
    assertThat(admin.put("/roles/auditor/mapping-rules/engineers", Map.of()).status()).isEqualTo(204);
    assertThat(admin.put("/tenants/acme/mapping-rules/engineers", Map.of()).status()).isEqualTo(204);
    assertThat(admin.search("groups/ops/mapping-rules", Map.of())).extracting(rule -> rule.get("name").asText())
        .containsExactly("Engineering");
    assertThat(admin.search("tenants/acme/mapping-rules", Map.of())).extracting(rule -> rule.get("claimName").asText())
        .containsExactly("groups");

    assertProblem(admin.post("/mapping-rules", Map.of("mappingRuleId", "engineers", "claimName", "a", "claimValue", "b", "name", "c")),
        409, "already exists");
    assertProblem(admin.post("/mapping-rules", Map.of("mappingRuleId", "x", "claimValue", "b", "name", "c")), 400, "claimName");
    assertProblem(admin.post("/mapping-rules", Map.of("mappingRuleId", "has space", "claimName", "a", "claimValue", "b", "name", "c")),
        400, "mappingRuleId");
    assertProblem(admin.put("/mapping-rules/nope", Map.of("claimName", "a", "claimValue", "b", "name", "c")), 404, "'nope'");
    assertProblem(admin.put("/groups/ops/mapping-rules/nope", Map.of()), 404, "'nope'");
    assertProblem(admin.put("/groups/ops/mapping-rules/engineers", Map.of()), 409, "already a member");

    assertThat(admin.delete("/mapping-rules/engineers").status()).isEqualTo(204);
    assertThat(admin.get("/mapping-rules/engineers").status()).isEqualTo(404);
    assertThat(admin.search("groups/ops/mapping-rules", Map.of())).as("a deleted rule leaves its groups").isEmpty();
    assertThat(admin.search("tenants/acme/mapping-rules", Map.of())).as("and its tenants").isEmpty();
  }

  @Test
  void aTokenWhoseClaimMatchesARuleBelongsWhereTheRuleBelongs() {
    admin.post("/mapping-rules", Map.of("mappingRuleId", "engineers", "claimName", "groups", "claimValue", "eng", "name", "Engineers"));
    admin.post("/tenants", Map.of("tenantId", "acme", "name", "ACME", "description", "the first"));
    admin.post("/groups", Map.of("groupId", "ops", "name", "Operations"));
    admin.post("/roles", Map.of("roleId", "auditor", "name", "Auditor"));
    admin.put("/tenants/acme/mapping-rules/engineers", Map.of());
    admin.put("/groups/ops/mapping-rules/engineers", Map.of());
    admin.put("/roles/auditor/groups/ops", Map.of());
    EngineHttp engineer = new EngineHttp(engine.restAddress(), provider.bearer("alice", Map.of("groups", List.of("staff", "eng"))));
    EngineHttp salesperson = new EngineHttp(engine.restAddress(), provider.bearer("bob", Map.of("groups", List.of("sales"))));

    JsonNode me = engineer.get("/authentication/me").json();
    assertThat(me.get("username").asText()).isEqualTo("alice");
    assertThat(me.get("tenants").toString()).isEqualTo("[{\"tenantId\":\"acme\",\"name\":\"ACME\",\"description\":\"the first\"}]");
    assertThat(me.get("groups").toString()).isEqualTo("[\"ops\"]");
    assertThat(me.get("roles").toString()).as("through the group").isEqualTo("[\"auditor\"]");
    assertThat(me.get("canLogout").asBoolean()).as("a token has no session to end").isFalse();
    JsonNode other = salesperson.get("/authentication/me").json();
    assertThat(other.get("tenants")).isEmpty();
    assertThat(other.get("groups")).isEmpty();

    assertThat(engineer.deployTo("acme", "bpmn/service-task-headers.bpmn").status()).isEqualTo(200);
    EngineHttp.Response foreign = salesperson.deployTo("acme", "bpmn/service-task-headers.bpmn");
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);

    admin.delete("/mapping-rules/engineers");
    assertThat(engineer.get("/authentication/me").json().get("tenants")).as("the rule is gone, and with it the membership").isEmpty();
  }

  @Test
  void aMappingRuleCarriesItsAuthorizationsToEveryMatchingToken() {
    try (Engine enforcing = Engine.start(EngineConfig.builder()
        .auth(new EngineAuth.Oidc(java.net.URI.create(TestIdentityProvider.ISSUER), provider.jwksUri(), TestIdentityProvider.AUDIENCE,
            List.of(EngineCredential.parse("admin:admin-secret")), Duration.ofMinutes(5)))
        .authorizations(true)
        .build())) {
      EngineHttp root = new EngineHttp(enforcing.restAddress(), "Bearer " + Tokens.builtIn(enforcing, "admin", "admin-secret"));
      root.deployOk("bpmn/authz-orders.bpmn");
      root.post("/mapping-rules", Map.of("mappingRuleId", "clerks", "claimName", "department", "claimValue", "sales", "name", "Clerks"));
      EngineHttp.Response granted = root.post("/authorizations", Map.of("ownerId", "clerks", "ownerType", "MAPPING_RULE",
          "resourceType", "PROCESS_DEFINITION", "resourceId", "orders", "permissionTypes", List.of("CREATE_PROCESS_INSTANCE")));
      assertThat(granted.status()).as(granted.body()).isEqualTo(201);
      EngineHttp clerk = new EngineHttp(enforcing.restAddress(), provider.bearer("carol", Map.of("department", "sales")));
      EngineHttp outsider = new EngineHttp(enforcing.restAddress(), provider.bearer("oscar", Map.of("department", "it")));

      assertThat(clerk.post("/process-instances", Map.of("processDefinitionId", "orders")).status()).isEqualTo(200);
      EngineHttp.Response refused = outsider.post("/process-instances", Map.of("processDefinitionId", "orders"));
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().get("detail").asText()).contains("the client 'oscar'");
    }
  }

  private static void assertProblem(EngineHttp.Response response, int status, String detailPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains(detailPart);
  }
}
