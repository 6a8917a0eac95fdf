/**
 * Request and response bodies of the Orchestration Cluster REST API v2, as Java records, in the
 * 8.9 shapes: every field 8.9 documents (nullable ones written as explicit {@code null}), nothing
 * beyond.
 *
 * <p>Where the shapes come from: the field lists and their order were taken from the Apache-2.0
 * REST models of {@code io.camunda:camunda-client-java} 8.9.0 and checked against the project's
 * notes in {@code reference/rest-api-v2.md}. The OpenAPI file itself is under the Camunda License,
 * so nothing here is generated from or copied out of it.
 *
 * <p>Conventions: keys are decimal strings, dates RFC 3339 strings (except an activated job's
 * {@code deadline}, epoch milliseconds), variables a JSON object as {@code Map<String, Object>}.
 * Request records accept unknown fields and treat explicit {@code null} like an absent field; they
 * implement {@link org.camunda4j.engine.internal.rest.Validatable}, so {@code Request.body(...)}
 * rejects bad input with the gateway's style of message before a handler sees it.
 */
package org.camunda4j.engine.internal.rest.wire;
