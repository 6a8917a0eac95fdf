package org.camunda4j.engine.internal.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.authorization.Principal;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Caller;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.CurrentUserResult;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.Identities.EntityType;

/**
 * {@code GET /v2/authentication/me}: the caller, and the tenants, groups and roles it belongs to
 * (those of its configuration and those of the identity API, also through mapping rules).
 */
final class AuthenticationApi {

  private final EngineOperations engine;
  private final AccessGuard access;

  AuthenticationApi(EngineOperations engine, AccessGuard access) {
    this.engine = engine;
    this.access = access;
  }

  void register(Router router) {
    router.route("GET", "/v2/authentication/me", this::me);
  }

  private CompletionStage<Reply> me(Request request) {
    Caller caller = request.caller();
    Identities identities = engine.identities();
    Principal principal = Principal.of(caller, identities);
    boolean anonymous = caller.kind() == Caller.Kind.ANONYMOUS;
    Identities.User user = caller.kind() == Caller.Kind.USER ? identities.user(caller.name()).orElse(null) : null;
    List<CurrentUserResult.Tenant> tenantList = principal.tenants().stream()
        .map(id -> identities.entity(EntityType.TENANT, id)
            .map(tenant -> new CurrentUserResult.Tenant(tenant.id(), tenant.name(), tenant.description()))
            // a configured credential may name a tenant nobody created through the API
            .orElse(new CurrentUserResult.Tenant(id, id, null)))
        .toList();
    CurrentUserResult me = new CurrentUserResult(
        anonymous ? null : caller.name(),
        user != null && user.name() != null && !user.name().isBlank() ? user.name() : (anonymous ? null : caller.name()),
        user == null ? null : user.email(),
        // the web components (ACCESS on COMPONENT) its authorizations open; all when they are off
        access.grants(request).resourceIds(Permission.COMPONENT_ACCESS),
        tenantList,
        List.copyOf(principal.membership().groups()),
        List.copyOf(principal.membership().roles()),
        null,
        Map.of(),
        caller.kind() == Caller.Kind.USER);
    return CompletableFuture.completedFuture(Reply.json(me));
  }
}
