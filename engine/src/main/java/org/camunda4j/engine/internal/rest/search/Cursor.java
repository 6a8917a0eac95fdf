package org.camunda4j.engine.internal.rest.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda4j.engine.internal.rest.ApiException;

/**
 * Page cursors: the base64 of {@code [position]} in the sorted matches, opaque to clients (the
 * real server likewise encodes a JSON array, of sort values). A position is stable as long as the
 * matches do not change between two calls, which is what clients paging through a snapshot expect.
 */
final class Cursor {

  private Cursor() {}

  static String encode(int position) {
    return Base64.getEncoder()
        .encodeToString(("[" + position + "]").getBytes(StandardCharsets.US_ASCII));
  }

  /** The position in {@code cursor}, or 400 naming {@code property} (e.g. {@code page.after}). */
  static int decode(String property, String cursor) {
    try {
      String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (text.startsWith("[") && text.endsWith("]")) {
        int position = Integer.parseInt(text.substring(1, text.length() - 1));
        if (position >= 0) {
          return position;
        }
      }
    } catch (IllegalArgumentException e) {
      // not base64, or not a number: reported below
    }
    throw ApiException.invalidArgument(
        "The value for "
            + property
            + " is '"
            + cursor
            + "' but must be a startCursor or endCursor from a previous search result.");
  }
}
