package org.camunda4j.engine.internal.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda4j.engine.internal.authorization.Principal;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Caller;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.wire.TenantFilter;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Identities;

/**
 * Which tenants a request may use. With multi-tenancy off, only {@code <default>} exists and any
 * other tenant id is a 400. With it on, a caller's tenants are those of its configured credential
 * and those it is a member of through the identity API (directly, by group, by role or by a mapping
 * rule its token matches), and:
 * <ul>
 *   <li>a command that names a tenant (deploy, create an instance, publish or correlate a message,
 *       broadcast a signal, evaluate a decision, activate jobs) must name one (400) of the
 *       caller's (403);
 *   <li>a command on an existing key of another tenant is a 404, as for a key that does not exist,
 *       so keys of other tenants cannot be probed;
 *   <li>reads see only the caller's tenants: searches leave the rest out, a get is a 404.
 * </ul>
 */
final class TenantAccess {

  static final String DEFAULT = Identities.DEFAULT_TENANT.id();
  /** 8.9's tenant id with multi-tenancy on: letters, digits and {@code _@.+-}, at most 31 characters. */
  private static final Pattern TENANT_ID = Pattern.compile("<default>|[A-Za-z0-9_@.+-]{1,31}");

  private final boolean multiTenancy;
  private final EngineOperations engine;

  TenantAccess(boolean multiTenancy, EngineOperations engine) {
    this.multiTenancy = multiTenancy;
    this.engine = engine;
  }

  boolean enabled() {
    return multiTenancy;
  }

  /** The tenants the caller may use. */
  Set<String> of(Request request) {
    if (!multiTenancy) {
      return Set.of(DEFAULT);
    }
    return Principal.of(request.caller(), engine.identities()).tenants();
  }

  /** Whether the caller may see what belongs to a tenant. */
  Predicate<String> readable(Request request) {
    if (!multiTenancy) {
      return tenantId -> true;
    }
    Set<String> tenants = of(request);
    return tenants::contains;
  }

  /** The rows of a search the caller may see. */
  <T> List<T> visible(Request request, Collection<T> rows, Function<T, String> tenantOf) {
    if (!multiTenancy) {
      return rows instanceof List<T> list ? list : List.copyOf(rows);
    }
    Predicate<String> readable = readable(request);
    return rows.stream().filter(row -> readable.test(tenantOf.apply(row))).toList();
  }

  /** The tenant a command names, checked: the default when multi-tenancy is off and none is named. */
  String forCommand(Request request, String tenantId) {
    if (!multiTenancy) {
      if (tenantId == null || tenantId.isBlank() || tenantId.equals(DEFAULT)) {
        return DEFAULT;
      }
      throw ApiException.invalidArgument("Expected to handle request with tenant identifier '" + tenantId
          + "', but multi-tenancy is disabled: omit tenantId or use '<default>'");
    }
    if (tenantId == null || tenantId.isBlank()) {
      throw ApiException.invalidArgument(
          "Expected to handle request with a tenant identifier, but none was provided: multi-tenancy is enabled, so name the tenant (tenantId)");
    }
    return permitted(request, tenantId, of(request));
  }

  /** The tenants a job activation polls: those it names (PROVIDED), or all of the caller's (ASSIGNED). */
  List<String> forActivation(Request request, List<String> tenantIds, TenantFilter filter) {
    boolean none = tenantIds == null || tenantIds.isEmpty();
    if (!multiTenancy) {
      if (filter == TenantFilter.ASSIGNED) {
        throw ApiException.invalidArgument("The value for tenantFilter is 'ASSIGNED' but must be 'PROVIDED', as multi-tenancy is disabled");
      }
      if (!none) {
        tenantIds.forEach(tenantId -> forCommand(request, tenantId));
      }
      return List.of(DEFAULT);
    }
    Set<String> callers = of(request);
    if (filter == TenantFilter.ASSIGNED) {
      return List.copyOf(callers);
    }
    if (none) {
      throw ApiException.invalidArgument("Expected to activate jobs of given tenants, but no tenantIds were provided: multi-tenancy is "
          + "enabled, so name the tenants, or send tenantFilter 'ASSIGNED' for all of the caller's");
    }
    List<String> checked = new ArrayList<>();
    for (String tenantId : tenantIds) {
      checked.add(permitted(request, tenantId, callers));
    }
    return checked;
  }

  /**
   * Runs a command on an existing key only if its tenant is the caller's; another tenant's key is
   * the 404 {@code notFound} describes, as if it did not exist. A key of no tenant (unknown) is
   * left to the command, which answers its own 404.
   */
  <T> CompletableFuture<T> owned(
      Request request, Function<EngineState, Optional<String>> tenantOf, String notFound, Supplier<CompletableFuture<T>> command) {
    if (!multiTenancy) {
      return command.get();
    }
    Predicate<String> readable = readable(request);
    return engine.read(tenantOf).thenCompose(tenant -> tenant.isPresent() && !readable.test(tenant.get())
        ? CompletableFuture.failedFuture(ApiException.notFound(notFound))
        : command.get());
  }

  private static String permitted(Request request, String tenantId, Set<String> callers) {
    if (!TENANT_ID.matcher(tenantId).matches()) {
      throw ApiException.invalidArgument("Expected a tenant identifier of at most 31 letters, digits and _@.+- (or '<default>'), got '"
          + tenantId + "'");
    }
    if (!callers.contains(tenantId)) {
      throw new ApiException(ProblemStatus.FORBIDDEN, "Expected to handle request with tenant identifier '" + tenantId
          + "', but " + who(request.caller()) + " is not assigned to this tenant; its tenants are " + callers
          + " (assign it with PUT /v2/tenants/{tenantId}/users/{username} or /clients/{clientId})");
    }
    return tenantId;
  }

  private static String who(Caller caller) {
    return switch (caller.kind()) {
      case USER -> "the user '" + caller.name() + "'";
      case CLIENT -> "the client '" + caller.name() + "'";
      case ANONYMOUS -> "an anonymous caller";
    };
  }
}
