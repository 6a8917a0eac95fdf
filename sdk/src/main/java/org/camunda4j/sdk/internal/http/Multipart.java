package org.camunda4j.sdk.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body for deployments: one {@code resources} part per file. */
public final class Multipart {

  private final String boundary = "camunda4j-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public Multipart file(String name, String fileName, byte[] content) {
    write("--" + boundary + "\r\n");
    write("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName.replace("\"", "") + "\"\r\n");
    write("Content-Type: " + contentType(fileName) + "\r\n\r\n");
    out.writeBytes(content);
    write("\r\n");
    return this;
  }

  public Multipart field(String name, String value) {
    write("--" + boundary + "\r\n");
    write("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
    write(value + "\r\n");
    return this;
  }

  public byte[] body() {
    write("--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  private static String contentType(String fileName) {
    return fileName.endsWith(".bpmn") || fileName.endsWith(".dmn") || fileName.endsWith(".xml")
        ? "application/xml"
        : fileName.endsWith(".form") || fileName.endsWith(".json") ? "application/json" : "application/octet-stream";
  }

  private void write(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
