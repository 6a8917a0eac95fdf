package org.camunda4j.engine.internal.rest;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@code (method, path)} to a {@link Handler}. Templates are literal segments and whole-segment
 * parameters, e.g. {@code /v2/jobs/{jobKey}/completion}. When several templates match a path, the
 * most specific one wins (see {@link #match}), so {@code /v2/process-instances/search} beats
 * {@code /v2/process-instances/{key}}. A prefix route ({@link #routeTree}) owns every path below
 * its template and loses to any other match. Register all routes before starting the server.
 */
public final class Router {

  private final List<Route> routes = new ArrayList<>();
  /** The routes that are not trees by their count of segments, and the tree routes: a path is matched against these only. */
  private final Map<Integer, List<Route>> bySize = new HashMap<>();
  private final List<Route> trees = new ArrayList<>();
  /** Null until {@link #guard} is called: unguarded routes keep their handler as it is, with no per-request wrapper. */
  private @Nullable Guard guard;

  /**
   * Runs before the handler of each route: may refuse the request by throwing (e.g. a 403), or hold
   * it until a check that needs the engine's state is done.
   */
  @FunctionalInterface
  public interface Guard {
    /** Null to let the request through at once; else a stage the handler waits for, failing it refuses the request. */
    CompletionStage<?> check(String method, String pathTemplate, Request request) throws Exception;
  }

  /** Guards every route added from now on. */
  public Router guard(Guard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
    return this;
  }

  /** Adds a non-blocking route; its handler runs on a network thread. */
  public Router route(String method, String pathTemplate, Handler handler) {
    return add(method, pathTemplate, handler, false);
  }

  /**
   * Adds a route whose handler may block (e.g. parsing a large deployment); it runs on a virtual
   * thread instead of a network thread.
   */
  public Router routeBlocking(String method, String pathTemplate, Handler handler) {
    return add(method, pathTemplate, handler, true, false);
  }

  /**
   * Adds a non-blocking route for a literal path and every path below it, e.g. {@code /console}
   * for {@code /console/app.js}; the handler reads {@link Request#path()}.
   */
  public Router routeTree(String method, String pathPrefix, Handler handler) {
    return add(method, pathPrefix, handler, false, true);
  }

  private Router add(String method, String pathTemplate, Handler handler, boolean blocking) {
    return add(method, pathTemplate, handler, blocking, false);
  }

  private Router add(String method, String pathTemplate, Handler handler, boolean blocking, boolean tree) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(handler, "handler");
    Guard routeGuard = guard;
    String upperMethod = method.toUpperCase(Locale.ROOT);
    Handler guarded = routeGuard == null ? handler : request -> {
      CompletionStage<?> check = routeGuard.check(upperMethod, pathTemplate, request);
      return check == null ? handler.handle(request) : check.thenCompose(ignored -> {
        try {
          return handler.handle(request);
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
    };
    Route route = Route.parse(upperMethod, pathTemplate, guarded, blocking, tree);
    for (Route existing : routes) {
      if (existing.method().equals(route.method()) && existing.sameShape(route) && existing.tree() == route.tree()) {
        throw new IllegalArgumentException(
            "Route " + route.method() + " " + pathTemplate + " is already registered as "
                + existing.template());
      }
    }
    routes.add(route);
    if (route.tree()) {
      trees.add(route);
    } else {
      bySize.computeIfAbsent(route.segments().size(), size -> new ArrayList<>()).add(route);
    }
    return this;
  }

  /**
   * Finds the route for a request with the given raw path. Of the templates that fit the path, only
   * the most specific shape counts (a literal segment beats a parameter, compared from the left; a
   * tree route loses to any other), so a fixed segment is never taken for a key: {@code POST
   * /v2/process-instances/cancellation} goes to its own route, and {@code GET} on it is 405 with the
   * methods of that shape, not a lookup of key "cancellation".
   */
  Match match(String method, String rawPath) {
    List<String> segments = segments(rawPath);
    List<Route> sameSize = bySize.getOrDefault(segments.size(), List.of());
    Route mostSpecific = mostSpecific(sameSize, segments);
    if (mostSpecific == null) {
      mostSpecific = mostSpecific(trees, segments); // a tree route loses to any other
    }
    if (mostSpecific == null) {
      return new Match.NotFound();
    }
    Set<String> allowed = new TreeSet<>();
    for (Route route : mostSpecific.tree() ? trees : sameSize) {
      if (route.sameShape(mostSpecific)) {
        if (route.method().equals(method)) {
          return new Match.Found(route, route.match(segments));
        }
        allowed.add(route.method());
      }
    }
    return new Match.MethodNotAllowed(allowed);
  }

  private static @Nullable Route mostSpecific(List<Route> candidates, List<String> segments) {
    Route best = null;
    for (Route route : candidates) {
      if (route.fits(segments) && (best == null || route.moreSpecificThan(best))) {
        best = route;
      }
    }
    return best;
  }

  /**
   * Splits a raw (still percent-encoded) path and decodes each segment, so an encoded {@code /}
   * stays inside its segment; empty segments (a trailing slash) are ignored.
   */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>(6);
    int start = 0;
    while (start <= rawPath.length()) {
      int end = rawPath.indexOf('/', start);
      if (end < 0) {
        end = rawPath.length();
      }
      if (end > start) {
        segments.add(QueryStringDecoder.decodeComponent(rawPath.substring(start, end)));
      }
      start = end + 1;
    }
    return segments;
  }

  /** The outcome of routing one request. */
  sealed interface Match {
    record Found(Route route, Map<String, String> pathParams) implements Match {}

    record MethodNotAllowed(Set<String> allowedMethods) implements Match {}

    record NotFound() implements Match {}
  }

  /** One registered route; a {@code null} entry in {@code segments} is a parameter. */
  record Route(
      String method,
      String template,
      List<String> segments,
      List<String> paramNames,
      Handler handler,
      boolean blocking,
      boolean tree) {

    static Route parse(String method, String template, Handler handler, boolean blocking, boolean tree) {
      if (template == null || !template.startsWith("/")) {
        throw new IllegalArgumentException("A path template starts with '/', was " + template);
      }
      List<String> segments = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String segment : Router.segments(template)) {
        if (segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2) {
          String name = segment.substring(1, segment.length() - 1);
          if (names.contains(name)) {
            throw new IllegalArgumentException(
                "Path parameter {" + name + "} appears twice in " + template);
          }
          segments.add(null);
          names.add(name);
        } else if (segment.contains("{") || segment.contains("}")) {
          throw new IllegalArgumentException(
              "A path parameter must be a whole segment like {name}, got '" + segment + "' in "
                  + template);
        } else {
          segments.add(segment);
        }
      }
      if (tree && !names.isEmpty()) {
        throw new IllegalArgumentException("A tree route is a literal prefix, was " + template);
      }
      return new Route(method, template, segments, names, handler, blocking, tree);
    }

    /**
     * Of two templates that fit one path: any route beats a tree route, the longer of two tree
     * routes wins, and of two others (same length) the one with a literal where the other first has
     * a parameter.
     */
    boolean moreSpecificThan(Route other) {
      if (tree != other.tree) {
        return !tree;
      }
      if (tree) {
        return segments.size() > other.segments.size();
      }
      for (int i = 0; i < segments.size(); i++) {
        boolean literal = segments.get(i) != null;
        boolean otherLiteral = other.segments.get(i) != null;
        if (literal != otherLiteral) {
          return literal;
        }
      }
      return false;
    }

    boolean sameShape(Route other) {
      return segments.equals(other.segments);
    }

    /** Whether {@code path} fits this template; allocates nothing, as it runs for every route of every request. */
    boolean fits(List<String> path) {
      if (tree ? path.size() < segments.size() : path.size() != segments.size()) {
        return false;
      }
      for (int i = 0; i < segments.size(); i++) {
        String literal = segments.get(i);
        if (literal != null && !literal.equals(path.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** The path parameters of a {@code path} that {@link #fits} this template. */
    Map<String, String> match(List<String> path) {
      if (paramNames.isEmpty()) {
        return Map.of();
      }
      Map<String, String> params = new LinkedHashMap<>();
      int param = 0;
      for (int i = 0; i < segments.size(); i++) {
        if (segments.get(i) == null) {
          params.put(paramNames.get(param++), path.get(i));
        }
      }
      return params;
    }
  }
}
