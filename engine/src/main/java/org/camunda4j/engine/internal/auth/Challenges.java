package org.camunda4j.engine.internal.auth;

import java.util.Map;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.ProblemStatus;

/** 401 answers with the {@code WWW-Authenticate} challenge of RFC 9110 (Basic) and RFC 6750 (Bearer). */
final class Challenges {

  static final String REALM = "camunda4j";

  private Challenges() {}

  static ApiException basic(String detail) {
    return unauthorized(detail, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
  }

  /** No bearer token at all: RFC 6750 says the challenge carries no error code then. */
  static ApiException bearerMissing(String detail) {
    return unauthorized(detail, "Bearer realm=\"" + REALM + "\"");
  }

  static ApiException bearerInvalid(String detail) {
    return unauthorized(
        detail,
        "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + quotable(detail) + "\"");
  }

  private static ApiException unauthorized(String detail, String challenge) {
    return new ApiException(ProblemStatus.UNAUTHORIZED, detail, Map.of("WWW-Authenticate", challenge));
  }

  /** A quoted-string may not hold quotes, backslashes or control characters. */
  private static String quotable(String text) {
    return text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
  }
}
