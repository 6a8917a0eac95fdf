package org.camunda4j.engine.internal.rest;

import java.util.concurrent.CompletionStage;

/**
 * Handles one route. Runs on a network thread (unless registered with {@link
 * Router#routeBlocking}), so it must not block: hand the work to the engine and return a stage that
 * completes later, on any thread. Throwing, or failing the stage, with an {@link ApiException}
 * answers with that problem; any other failure answers 500 INTERNAL.
 */
@FunctionalInterface
public interface Handler {
  CompletionStage<Reply> handle(Request request) throws Exception;
}
