package org.camunda4j.engine.internal.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A successful answer: a JSON body with a 2xx status, 204 without a body, or bytes of another
 * type (an XML resource, a console asset, a redirect). Immutable. Errors are not replies: throw
 * (or fail the stage with) an {@link ApiException}.
 */
public final class Reply {

  private static final Runnable NOTHING = () -> {};

  private final int status;
  private final Object body;
  private final String contentType;
  private final Map<String, String> headers;
  private final Runnable onUndelivered;

  private Reply(int status, Object body, Runnable onUndelivered) {
    this(status, body, "application/json", Map.of(), onUndelivered);
  }

  private Reply(int status, Object body, String contentType, Map<String, String> headers, Runnable onUndelivered) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
    this.headers = headers;
    this.onUndelivered = onUndelivered;
  }

  /**
   * {@code status} with these bytes as they are, e.g. {@code text/xml} or a static file; {@code
   * headers} are added to the response (e.g. {@code Cache-Control}, {@code Location}).
   */
  public static Reply bytes(int status, String contentType, byte[] body, Map<String, String> headers) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    return new Reply(status, body, contentType, Map.copyOf(headers), NOTHING);
  }

  /** 200 with {@code body} serialised as {@code application/json}. */
  public static Reply json(Object body) {
    return json(200, body);
  }

  /** {@code status} (2xx) with {@code body} serialised as {@code application/json}. */
  public static Reply json(int status, Object body) {
    if (status < 200 || status > 299 || status == 204) {
      throw new IllegalArgumentException(
          "a JSON reply needs a 2xx status other than 204, was " + status);
    }
    return new Reply(status, Objects.requireNonNull(body, "body"), NOTHING);
  }

  /** 204 without a body. */
  public static Reply noContent() {
    return new Reply(204, null, NOTHING);
  }

  /**
   * A copy that runs {@code callback} if this reply cannot be written: the connection closed before
   * or during the write. Long polls use it to hand activated jobs back. Callbacks add up.
   */
  public Reply onUndelivered(Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    Runnable previous = onUndelivered;
    return new Reply(
        status,
        body,
        contentType,
        headers,
        previous == NOTHING
            ? callback
            : () -> {
              previous.run();
              callback.run();
            });
  }

  /** A copy that adds the response header {@code name} (replacing one of that name). */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Reply(status, body, contentType, Map.copyOf(more), onUndelivered);
  }

  public int status() {
    return status;
  }

  /** The object to serialise, {@code null} for 204, or the {@code byte[]} of a {@link #bytes} reply. */
  public Object body() {
    return body;
  }

  /** {@code application/json}, or the type given to {@link #bytes}. */
  public String contentType() {
    return contentType;
  }

  /** Headers to add to the response besides the content type and length. */
  public Map<String, String> headers() {
    return headers;
  }

  void undelivered() {
    onUndelivered.run();
  }

  @Override
  public String toString() {
    return "Reply[" + status + (body == null ? "" : ", " + body.getClass().getSimpleName()) + "]";
  }
}
