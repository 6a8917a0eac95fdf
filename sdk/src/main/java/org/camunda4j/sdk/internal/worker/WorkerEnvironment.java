package org.camunda4j.sdk.internal.worker;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.internal.http.HttpTransport;

/** What a worker borrows from its client. */
public record WorkerEnvironment(
    HttpTransport transport,
    ScheduledExecutorService scheduler,
    CamundaAsyncClient asyncClient,
    CamundaClient blockingClient,
    BooleanSupplier clientClosed) {}
