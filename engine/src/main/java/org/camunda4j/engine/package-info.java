/**
 * The embedded engine: {@link org.camunda4j.engine.Engine#start()} runs a Camunda-8-compatible
 * engine that speaks the Orchestration Cluster REST API v2; {@link org.camunda4j.engine.EngineMain}
 * is the standalone command.
 *
 * <p>Everything public is in this package; {@code org.camunda4j.engine.internal.*} is the engine's
 * own. Nothing here is null unless marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.camunda4j.engine;

import org.jspecify.annotations.NullMarked;
