package org.camunda4j.engine.internal.rest.wire;

/**
 * Answer of {@code GET /v2/license}.
 *
 * @param expiresAt RFC 3339, {@code null} when the licence does not expire
 */
public record LicenseResponse(
    boolean validLicense, String licenseType, boolean isCommercial, String expiresAt) {}
