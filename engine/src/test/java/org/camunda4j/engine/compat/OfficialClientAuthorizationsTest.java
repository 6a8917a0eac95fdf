package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.OwnerType;
import io.camunda.client.api.search.enums.PermissionType;
import io.camunda.client.api.search.enums.ResourceType;
import io.camunda.client.api.worker.JobWorker;
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
 * The official Java client against an engine with authorizations on: the configured admin creates
 * a user and grants it one process through the client's identity commands; that user's client
 * then starts, works on and sees that process only, and cannot grant itself more.
 */
class OfficialClientAuthorizationsTest {

  @Test
  void aUserGrantedOneProcessWorksOnThatProcessOnly() {
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.basic(List.of(EngineCredential.parse("admin:admin-pw"))))
            .authorizations(true)
            .build());
        CamundaClient admin = client(engine, "admin", "admin-pw")) {
      admin.newDeployResourceCommand().addResourceFromClasspath("bpmn/authz-orders.bpmn")
          .addResourceFromClasspath("bpmn/authz-payroll.bpmn").send().join();
      admin.newCreateUserCommand().username("ana").password("ana-pw").name("Ana").email("ana@example.com").send().join();
      admin.newCreateAuthorizationCommand().ownerId("ana").ownerType(OwnerType.USER).resourceId("orders")
          .resourceType(ResourceType.PROCESS_DEFINITION)
          .permissionTypes(PermissionType.CREATE_PROCESS_INSTANCE, PermissionType.READ_PROCESS_INSTANCE, PermissionType.UPDATE_PROCESS_INSTANCE)
          .send().join();
      ProcessInstanceEvent payroll = admin.newCreateInstanceCommand().bpmnProcessId("payroll").latestVersion().send().join();

      try (CamundaClient ana = client(engine, "ana", "ana-pw")) {
        Set<String> processesWorkedOn = ConcurrentHashMap.newKeySet();
        try (JobWorker worker = ana.newWorker().jobType("book")
            .handler((jobClient, job) -> {
              processesWorkedOn.add(job.getBpmnProcessId());
              jobClient.newCompleteCommand(job).variables(Map.of("booked", true)).send().join();
            })
            .open()) {
          var result = ana.newCreateInstanceCommand().bpmnProcessId("orders").latestVersion()
              .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

          assertThat(result.getVariablesAsMap()).containsEntry("booked", true);
        }
        assertThat(processesWorkedOn).as("the payroll job is not ana's to take").containsExactly("orders");
        assertThat(admin.newProcessInstanceGetRequest(payroll.getProcessInstanceKey()).send().join().getState().name()).isEqualTo("ACTIVE");
        assertThat(ana.newProcessInstanceSearchRequest().send().join().items()).extracting(i -> i.getProcessDefinitionId())
            .containsOnly("orders");

        ProblemException refused = (ProblemException) catchThrowable(
            () -> ana.newCreateInstanceCommand().bpmnProcessId("payroll").latestVersion().send().join());
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.details().getDetail())
            .contains("Insufficient permissions to perform operation 'CREATE_PROCESS_INSTANCE' on resource 'PROCESS_DEFINITION'");
        ProblemException selfGrant = (ProblemException) catchThrowable(() -> ana.newCreateAuthorizationCommand().ownerId("ana")
            .ownerType(OwnerType.USER).resourceId("*").resourceType(ResourceType.PROCESS_DEFINITION)
            .permissionTypes(PermissionType.CREATE_PROCESS_INSTANCE).send().join());
        assertThat(selfGrant.code()).isEqualTo(403);
      }
    }
  }

  private static CamundaClient client(Engine engine, String username, String password) {
    return OfficialClients.builderFor(engine)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username(username).password(password).applyEnvironmentOverrides(false).build())
        .build();
  }
}
