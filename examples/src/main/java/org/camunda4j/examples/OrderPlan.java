package org.camunda4j.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order the demo places, with the twists it is designed to hit (a busy payment gateway, a carrier
 * timeout, an impatient packer, a declined payment) and so the end it must reach.
 *
 * @param traced whether its handlers log at INFO; the first few orders are, to show {@code job.log()}
 *     without flooding the console
 */
record OrderPlan(
    int number,
    String orderId,
    double amount,
    String warehouse,
    boolean paymentBusy,
    boolean carrierTimeout,
    boolean eagerPacker,
    boolean traced) {

  /** Payments above this are declined with the BPMN error PAYMENT_DECLINED. */
  static final double PAYMENT_LIMIT = 10_000;

  private static final List<String> WAREHOUSES = List.of("berlin", "lisbon", "oslo");

  /** The orders of one run; the twists recur at fixed strides so every run hits each of them. */
  static List<OrderPlan> plan(int count, ProcessFeatures features) {
    List<OrderPlan> orders = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean declined = features.paymentDeclines() && i % 10 == 7;
      orders.add(new OrderPlan(
          i,
          "order-%04d".formatted(i),
          declined ? 12_500 : 20 + (i * 37) % 480,
          WAREHOUSES.get(i % WAREHOUSES.size()),
          !declined && i % 5 == 1,
          !declined && i % 17 == 3,
          features.packing() && !declined && i % 4 == 2,
          i < 3));
    }
    return orders;
  }

  boolean declined() {
    return amount > PAYMENT_LIMIT;
  }

  /** Who packs it: the assigning listener corrects any assignee to the warehouse's packer. */
  String packer() {
    return "packer-" + warehouse;
  }

  Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("orderId", orderId);
    variables.put("amount", amount);
    variables.put("warehouse", warehouse);
    variables.put("paymentBusy", paymentBusy);
    variables.put("carrierTimeout", carrierTimeout);
    variables.put("traced", traced);
    return variables;
  }
}
