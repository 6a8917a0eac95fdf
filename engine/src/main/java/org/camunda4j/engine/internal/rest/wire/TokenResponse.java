package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of the built-in {@code POST /oauth/token} (RFC 6749 §5.1). */
public record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn) {}
