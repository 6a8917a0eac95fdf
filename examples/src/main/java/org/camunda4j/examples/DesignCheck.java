package org.camunda4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Collects every way the run differed from the design; the demo exits 0 only if there is none. */
final class DesignCheck {

  private final List<String> problems = new ArrayList<>();

  synchronized void problem(String description) {
    problems.add(description);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** The variables a completed order must end with, given the stages the model has. */
  void checkEnd(OrderPlan order, Map<String, Object> variables, ProcessFeatures features) {
    String id = order.orderId();
    if (order.declined()) {
      expect(id, variables, "cancelled", true);
      if (variables.containsKey("paymentId")) {
        problem(id + ": a declined order was charged");
      }
      return;
    }
    expect(id, variables, "inventoryChecked", true);
    expect(id, variables, "paymentId", "pay-" + id);
    expect(id, variables, "carrier", switch (order.warehouse()) {
      case "berlin" -> "DHL";
      case "lisbon" -> "CTT";
      default -> "Posten";
    });
    expect(id, variables, "orderProcessedPublished", true);
    if (!(variables.get("shippingLabel") instanceof String label && label.startsWith("LBL-"))) {
      problem(id + ": no shipping label, variables " + variables);
    }
    if (features.orderProcessedMessage()) {
      expect(id, variables, "orderStatus", "processed");
    }
    if (features.packing()) {
      expect(id, variables, "packedBy", order.packer());
    }
  }

  /** A worker outcome count must equal how many orders were designed to produce it. */
  void expectCount(String what, long actual, long designed) {
    if (actual != designed) {
      problem(what + ": " + actual + ", designed " + designed);
    }
  }

  private void expect(String orderId, Map<String, Object> variables, String name, Object value) {
    if (!Objects.equals(variables.get(name), value)) {
      problem(orderId + ": expected " + name + " = " + value + ", was " + variables.get(name));
    }
  }
}
