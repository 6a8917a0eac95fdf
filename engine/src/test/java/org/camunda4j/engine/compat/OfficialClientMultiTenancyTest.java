package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.command.enums.TenantFilter;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.OwnerType;
import io.camunda.client.api.search.enums.PermissionType;
import io.camunda.client.api.search.enums.ResourceType;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.CredentialsProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.junit.jupiter.api.Test;

/**
 * The official Java client against an engine with multi-tenancy: its identity commands set up a
 * tenant and a user as they would on Camunda, and its workers, deployments and instances then stay
 * in their tenant.
 */
class OfficialClientMultiTenancyTest {

  @Test
  void setUpThroughTheIdentityApiThenWorkInOneTenantOnly() {
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.basic(List.of(EngineCredential.parse("admin:admin-pw:<default>"), EngineCredential.parse("bob:bob-pw:globex"))))
            .multiTenancy(true)
            .build());
        CamundaClient admin = client(engine, "admin", "admin-pw", "<default>")) {
      admin.newCreateTenantCommand().tenantId("acme").name("ACME").send().join();
      admin.newCreateUserCommand().username("ana").password("ana-pw").name("Ana").email("ana@example.com").send().join();
      admin.newAssignUserToTenantCommand().username("ana").tenantId("acme").send().join();
      admin.newCreateAuthorizationCommand().ownerId("ana").ownerType(OwnerType.USER).resourceId("*")
          .resourceType(ResourceType.PROCESS_DEFINITION).permissionTypes(PermissionType.CREATE_PROCESS_INSTANCE).send().join();

      try (CamundaClient ana = client(engine, "ana", "ana-pw", "acme"); CamundaClient bob = client(engine, "bob", "bob-pw", "globex")) {
        ana.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
        bob.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
        ProcessInstanceEvent globexInstance =
            bob.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion().send().join();
        assertThat(globexInstance.getTenantId()).isEqualTo("globex");

        Set<String> tenantsWorkedOn = ConcurrentHashMap.newKeySet();
        try (JobWorker worker = ana.newWorker().jobType("work")
            .handler((jobClient, job) -> {
              tenantsWorkedOn.add(job.getTenantId());
              jobClient.newCompleteCommand(job).variables(Map.of("done", true)).send().join();
            })
            .open()) {
          var result = ana.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion()
              .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

          assertThat(result.getTenantId()).isEqualTo("acme");
          assertThat(result.getVariablesAsMap()).containsEntry("done", true);
        }
        assertThat(tenantsWorkedOn).containsExactly("acme");
        assertThat(bob.newProcessInstanceGetRequest(globexInstance.getProcessInstanceKey()).send().join().getState().name())
            .as("globex's job waits for a globex worker").isEqualTo("ACTIVE");
        assertThat(ana.newProcessInstanceSearchRequest().send().join().items()).extracting(i -> i.getTenantId()).containsOnly("acme");

        Throwable foreign = catchThrowable(() -> ana.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion()
            .tenantId("globex").send().join());
        assertThat(foreign).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) foreign).code()).isEqualTo(403);
        assertThat(((ProblemException) foreign).details().getDetail()).contains("'globex'");
      }
    }
  }

  @Test
  void anAssignedTenantFilterPollsEveryTenantOfTheCaller() {
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.basic(List.of(EngineCredential.parse("ops:ops-pw:acme,globex"))))
            .multiTenancy(true)
            .build());
        CamundaClient acme = client(engine, "ops", "ops-pw", "acme");
        CamundaClient globex = client(engine, "ops", "ops-pw", "globex")) {
      acme.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
      globex.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
      acme.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion().send().join();
      globex.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion().send().join();

      Set<String> tenantsWorkedOn = ConcurrentHashMap.newKeySet();
      try (JobWorker worker = acme.newWorker().jobType("work").handler((jobClient, job) -> {
            tenantsWorkedOn.add(job.getTenantId());
            jobClient.newCompleteCommand(job).send().join();
          })
          .tenantFilter(TenantFilter.ASSIGNED)
          .open()) {
        OfficialClients.await(() -> Set.copyOf(tenantsWorkedOn), seen -> seen.size() == 2);
      }
      assertThat(tenantsWorkedOn).containsExactlyInAnyOrder("acme", "globex");
    }
  }

  private static CamundaClient client(Engine engine, String username, String password, String tenantId) {
    return OfficialClients.builderFor(engine)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username(username).password(password).applyEnvironmentOverrides(false).build())
        .defaultTenantId(tenantId)
        .defaultJobWorkerTenantIds(List.of(tenantId))
        .build();
  }
}
