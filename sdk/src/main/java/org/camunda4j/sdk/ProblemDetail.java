package org.camunda4j.sdk;

/**
 * An RFC 9457 problem as the REST API returns it ({@code application/problem+json}).
 *
 * @param type a URI, usually {@code about:blank}
 * @param title the engine status name, e.g. {@code NOT_FOUND}, {@code INVALID_STATE}, {@code RESOURCE_EXHAUSTED}
 * @param status the HTTP status
 * @param detail the human-readable explanation
 * @param instance the request path
 */
public record ProblemDetail(String type, String title, int status, String detail, String instance) {}
