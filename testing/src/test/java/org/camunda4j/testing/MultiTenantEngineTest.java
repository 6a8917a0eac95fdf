package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.sdk.WorkerConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code @CamundaTest(tenants = ...)}: the engine runs with multi-tenancy, the kit's clients work in
 * the first tenant, and our SDK's workers take jobs of the tenants they name only.
 */
@CamundaTest(deploy = "charge-and-ship.bpmn", tenants = {"acme", "globex"})
class MultiTenantEngineTest {

  CamundaTestContext camunda;

  @Test
  void theKitWorksInTheFirstTenantAndWorkersStayInTheirs() {
    // the kit deployed to acme, its first tenant; globex gets its own version
    camunda.newClient(Map.of("CAMUNDA_TENANT_ID", "globex")).deployResourcesFromClasspath("charge-and-ship.bpmn").join();
    ProcessInstanceCreationResult acme = camunda.startInstance("charge-and-ship");
    ProcessInstanceCreationResult globex = camunda.client().createProcessInstance(
        ProcessInstanceCreationRequest.ofProcessId("charge-and-ship").withTenantId("globex"));
    assertThat(acme.tenantId()).isEqualTo("acme");
    assertThat(globex.tenantId()).isEqualTo("globex");

    Set<String> tenantsCharged = ConcurrentHashMap.newKeySet();
    try (JobWorker worker = camunda.client().createJobWorker(WorkerConfig.of("charge").withJobTimeout(Duration.ofSeconds(30)).withTenantIds(List.of("globex")), job -> {
      tenantsCharged.add(job.job().tenantId());
      return Map.of("charged", true);
    })) {
      camunda.assertThat(globex).isActiveAt("Task_Ship");
    }

    assertThat(tenantsCharged).containsExactly("globex");
    camunda.assertThat(acme).isActiveAt("Task_Charge");
  }
}
