/**
 * The engine's HTTP layer: a Netty server ({@link org.camunda4j.engine.internal.rest.RestServer}),
 * routing, request decoding and RFC 9457 problems. Wire records live in {@code wire}, the generic
 * search contract in {@code search}. Nothing here knows the engine; the engine registers handlers.
 */
package org.camunda4j.engine.internal.rest;
