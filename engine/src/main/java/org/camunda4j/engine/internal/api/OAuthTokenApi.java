package org.camunda4j.engine.internal.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.auth.TokenIssuer;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.TokenResponse;

/**
 * {@code POST /oauth/token}: the OAuth 2 client-credentials grant (RFC 6749 §4.4) for the engine's
 * built-in issuer. The client authenticates with {@code client_id} and {@code client_secret} form
 * fields or with HTTP Basic. {@code audience}, {@code scope} and {@code resource}, which clients send
 * for their identity providers, are accepted and ignored: every token carries the engine's audience.
 */
final class OAuthTokenApi {

  private final TokenIssuer issuer;

  OAuthTokenApi(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  void register(Router router) {
    router.route("POST", TokenIssuer.PATH, this::token);
  }

  private CompletionStage<Reply> token(Request request) {
    Map<String, String> form = request.form();
    String grantType = form.get("grant_type");
    if (!"client_credentials".equals(grantType)) {
      throw ApiException.invalidArgument(
          "grant_type must be 'client_credentials' (the only grant this endpoint supports), was "
              + (grantType == null ? "missing" : "'" + grantType + "'") + ".");
    }
    String[] client = clientCredentials(request, form);
    try {
      TokenIssuer.Token token = issuer.issue(client[0], client[1]);
      return CompletableFuture.completedFuture(Reply.json(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds())));
    } catch (TokenIssuer.InvalidClientException e) {
      // RFC 6749 5.2: a challenge only for a client that authenticated with HTTP Basic; a browser
      // would answer one by prompting for a user and password (the console's sign-in sends form fields)
      Map<String, String> challenge = request.header("Authorization") == null ? Map.of() : Map.of("WWW-Authenticate", "Basic realm=\"camunda4j\"");
      throw new ApiException(ProblemStatus.UNAUTHORIZED, e.getMessage(), challenge);
    }
  }

  private static String[] clientCredentials(Request request, Map<String, String> form) {
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        }
      } catch (IllegalArgumentException e) {
        // fall through to the message below
      }
      throw ApiException.invalidArgument("The Basic client credentials are not base64 of 'client_id:client_secret'.");
    }
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    if (id == null || secret == null) {
      throw ApiException.invalidArgument(
          "Send client_id and client_secret as form fields (or as HTTP Basic credentials); "
              + (id == null ? "client_id" : "client_secret") + " is missing.");
    }
    return new String[] {id, secret};
  }
}
