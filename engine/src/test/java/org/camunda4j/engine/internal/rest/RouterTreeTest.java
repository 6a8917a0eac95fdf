package org.camunda4j.engine.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A tree route owns its prefix and every path below it, and loses to any other route. */
class RouterTreeTest {

  private final Handler tree = request -> CompletableFuture.completedFuture(Reply.noContent());
  private final Handler exact = request -> CompletableFuture.completedFuture(Reply.noContent());
  private final Router router = new Router().routeTree("GET", "/console", tree).route("GET", "/console/{file}", exact);

  @Test
  void aTreeRouteMatchesItsPrefixAndEveryDepthBelowIt() {
    assertThat(handlerOf("/console")).isSameAs(tree);
    assertThat(handlerOf("/console/vendor/bpmn-js/assets/diagram-js.css")).isSameAs(tree);
    assertThat(router.match("GET", "/consoles")).isInstanceOf(Router.Match.NotFound.class);
    assertThat(router.match("GET", "/v2/topology")).isInstanceOf(Router.Match.NotFound.class);
  }

  @Test
  void anyOtherRouteThatMatchesWins() {
    assertThat(handlerOf("/console/app.js")).isSameAs(exact);
  }

  private Handler handlerOf(String path) {
    return ((Router.Match.Found) router.match("GET", path)).route().handler();
  }
}
