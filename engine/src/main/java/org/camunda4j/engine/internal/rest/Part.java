package org.camunda4j.engine.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One part of a {@code multipart/form-data} body.
 *
 * @param name the form field name, e.g. {@code resources} or {@code tenantId}
 * @param filename the file name for file parts, {@code null} for plain fields
 * @param contentType the part's content type; {@code text/plain} for plain fields (RFC 7578's
 *     default)
 * @param bytes the raw content
 */
public record Part(String name, String filename, String contentType, byte[] bytes) {

  public Part {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** Whether this part carries a file (it has a file name). */
  public boolean isFile() {
    return filename != null;
  }

  /** The content as UTF-8 text (field values such as {@code tenantId} are ASCII in practice). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Part[name=" + name + ", filename=" + filename + ", contentType=" + contentType
        + ", " + bytes.length + " bytes]";
  }
}
