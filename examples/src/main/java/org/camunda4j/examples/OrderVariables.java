package org.camunda4j.examples;

/** The order's variables as handlers bind them ({@code job.variables().as(OrderVariables.class)}). */
public record OrderVariables(
    String orderId, double amount, String warehouse, boolean paymentBusy, boolean carrierTimeout, boolean traced) {}
