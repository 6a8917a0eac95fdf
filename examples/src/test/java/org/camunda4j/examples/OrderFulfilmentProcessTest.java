package org.camunda4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda4j.testing.CamundaAssertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.sdk.UserTask;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.testing.CamundaTest;
import org.camunda4j.testing.CamundaTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo's order-fulfilment model, driven by hand and by the demo's own workers, with the testing
 * kit. Waits are bounded at a minute because the PROCESS worker's child JVMs start slowly on a busy machine.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // child JVMs start slowly on a busy machine; this only guards against a hang
@CamundaTest(deploy = Demo.MODEL, configuration = "CAMUNDA_WORKER_TIMEOUT=30000", awaitMillis = 60_000)
class OrderFulfilmentProcessTest {

  CamundaTestContext camunda;
  CamundaAsyncClient client;

  private static Map<String, Object> order(String warehouse) {
    return new OrderPlan(0, "order-t", 120, warehouse, false, false, false, false).variables();
  }

  /** The two task listeners of "Pack order", with the demo's handlers. */
  private void startPackingListeners() {
    client.createJobWorker(WorkerConfig.of("assign-packer"), ExecutionStrategy.ASYNC, OrderHandlers::assignPacker);
    client.createJobWorker(WorkerConfig.of("check-packing"), ExecutionStrategy.THREAD, OrderHandlers::checkPacking);
  }

  @Test
  void aPaidOrderPassesEveryServiceTaskThenWaitsForPacking() {
    ProcessInstanceCreationResult instance = camunda.startInstance(Demo.PROCESS_ID, order("oslo"));

    camunda.completeNextJob("check-inventory", Map.of("inventoryChecked", true));
    camunda.completeNextJob("charge-payment", Map.of("paymentId", "pay-1"));
    camunda.completeNextJob("compute-shipping-label", Map.of("shippingLabel", "LBL-1"));
    camunda.completeNextJob("book-carrier", Map.of("carrier", "Posten"));
    camunda.completeNextJob("publish-order-processed");
    camunda.publishMessage(OrderHandlers.ORDER_PROCESSED, "order-t", Map.of("orderStatus", "processed"));

    assertThat(instance)
        .isActiveAt(PackingStation.PACK_ORDER)
        .hasPassed("Task_CheckInventory", "Task_ChargePayment", "Task_ComputeShippingLabel", "Task_BookCarrier",
            "Task_PublishOrderProcessed")
        .hasVariable("orderStatus", "processed");
  }

  @Test
  void aDeclinedPaymentIsCaughtAndCancelsTheOrder() {
    ProcessInstanceCreationResult instance = camunda.startInstance(Demo.PROCESS_ID, order("berlin"));

    camunda.completeNextJob("check-inventory");
    camunda.throwErrorOnNextJob("charge-payment", OrderHandlers.PAYMENT_DECLINED);
    camunda.completeNextJob("cancel-order", Map.of("cancelled", true));

    assertThat(instance).isCompleted().hasPassed("Task_CancelOrder").hasVariable("cancelled", true).hasNoIncident();
  }

  @Test
  void theListenersCorrectTheAssigneeAndDenyAnUnclaimedCompletion() {
    startPackingListeners();
    ProcessInstanceCreationResult instance = camunda.startInstance(Demo.PROCESS_ID, order("lisbon"));
    for (String type : new String[] {"check-inventory", "charge-payment", "compute-shipping-label", "book-carrier",
        "publish-order-processed"}) {
      camunda.completeNextJob(type);
    }
    camunda.publishMessage(OrderHandlers.ORDER_PROCESSED, "order-t");
    UserTask task = camunda.nextUserTask(instance, PackingStation.PACK_ORDER);

    assertThatThrownBy(() -> camunda.client().completeUserTask(task.userTaskKey(), Map.of()))
        .isInstanceOfSatisfying(CamundaApiException.class, e -> assertThat(e.isConflict()).isTrue())
        .hasMessageContaining("an unassigned order cannot be packed");
    camunda.client().assignUserTask(task.userTaskKey(), "anyone");
    assertThat(camunda.client().getUserTask(task.userTaskKey()).assignee()).isEqualTo("packer-lisbon");
    camunda.client().completeUserTask(task.userTaskKey(), Map.of("packedBy", "packer-lisbon"));

    assertThat(instance).isCompleted().hasPassed(PackingStation.PACK_ORDER).hasVariable("packedBy", "packer-lisbon");
  }

  /** The demo's workers with both first-attempt twists: a busy gateway (JobFailure) and a carrier exception. */
  @Test
  void theDemosWorkersRecoverFromBothFirstAttemptFailures() {
    OrderWorkers.start(camunda.newClient(Demo.WORKER_DEFAULTS));
    OrderPlan order = new OrderPlan(1, "order-r", 80, "berlin", true, true, false, true);
    ProcessInstanceCreationResult instance = camunda.startInstance(Demo.PROCESS_ID, order.variables());

    UserTask task = camunda.nextUserTask(instance, PackingStation.PACK_ORDER);
    camunda.client().assignUserTask(task.userTaskKey(), "anyone");
    camunda.client().completeUserTask(task.userTaskKey(), Map.of("packedBy", "packer-berlin"));

    assertThat(instance)
        .isCompleted()
        .hasVariable("paymentId", "pay-order-r")
        .hasVariable("carrier", "DHL")
        .hasVariable("orderStatus", "processed")
        .hasVariable("packedBy", "packer-berlin")
        .hasNoIncident();
  }
}
