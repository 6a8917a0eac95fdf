package org.camunda4j.engine.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;

/**
 * Serves the web console's files (the {@code camunda4j-console} jar) at {@code /console/}. The
 * console is a static page that reads the REST API v2 from the browser; the engine only hands out
 * its files, through the same router as the API, so whatever guards the API guards it too.
 */
public final class ConsoleRoute {

  /** Where the console jar keeps its files on the classpath. */
  static final String ROOT = "org/camunda4j/console/";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "woff", "font/woff",
          "woff2", "font/woff2",
          "ttf", "font/ttf",
          "eot", "application/vnd.ms-fontobject");

  /** Third-party files never change within a build: let the browser keep them for a day. */
  private static final String VENDOR_CACHE = "public, max-age=86400";

  /** Our own files: always revalidate, so a rebuilt engine shows the new console at once. */
  private static final String OWN_CACHE = "no-cache";

  private final ClassLoader loader = ConsoleRoute.class.getClassLoader();
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  private ConsoleRoute() {}

  /** True if the console's files are on the classpath. */
  public static boolean available() {
    return ConsoleRoute.class.getClassLoader().getResource(ROOT + "index.html") != null;
  }

  public static void register(Router router) {
    ConsoleRoute route = new ConsoleRoute();
    router.routeTree("GET", "/console", route::serve);
  }

  private CompletionStage<Reply> serve(Request request) {
    String path = request.path();
    if (path.equals("/console")) {
      // Relative links in the page resolve against /console/, not against /.
      return CompletableFuture.completedFuture(Reply.bytes(301, "text/plain; charset=utf-8", new byte[0], Map.of("Location", "/console/")));
    }
    String file = path.substring("/console/".length());
    if (file.isEmpty()) {
      file = "index.html";
    }
    List<String> segments = List.of(file.split("/", -1));
    if (segments.stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals(".") || s.contains("\\"))) {
      throw ApiException.notFound("No console file " + path + " exists.");
    }
    String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(extension);
    byte[] body = type == null ? null : read(file);
    if (body == null) {
      throw ApiException.notFound("No console file " + path + " exists.");
    }
    String caching = file.startsWith("vendor/") ? VENDOR_CACHE : OWN_CACHE;
    return CompletableFuture.completedFuture(
        Reply.bytes(200, type, body, Map.of("Cache-Control", caching, "X-Content-Type-Options", "nosniff")));
  }

  private byte[] read(String file) {
    byte[] cached = cache.get(file);
    if (cached != null) {
      return cached;
    }
    try (InputStream in = loader.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      cache.put(file, bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read console file " + file, e);
    }
  }
}
