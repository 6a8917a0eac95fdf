package org.camunda4j.engine.internal.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Caller;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.camunda4j.engine.internal.state.Identities.Authorization;

/**
 * What one caller may do: the authorizations owned by it, its mapping rules, groups and roles; or
 * everything ({@link #ALL}) when authorizations are off or the caller is configured.
 */
public final class Grants {

  /** No checks: authorizations off, or a caller from the engine's configuration. */
  public static final Grants ALL = new Grants(null, List.of());

  private final Principal principal;
  private final List<Authorization> owned;

  Grants(Principal principal, List<Authorization> owned) {
    this.principal = principal;
    this.owned = owned;
  }

  public boolean all() {
    return principal == null;
  }

  /** The caller these grants belong to; null for {@link #ALL}. */
  Principal principal() {
    return principal;
  }

  /** Whether the caller holds {@code permission} on {@code resourceId}, or on every resource ({@code *}). */
  public boolean allows(Permission permission, String resourceId) {
    if (all()) {
      return true;
    }
    for (Authorization authorization : owned) {
      if (grants(authorization, permission)
          && authorization.resourceId() != null
          && (authorization.resourceId().equals("*") || authorization.resourceId().equals(resourceId))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #allows} for any of {@code permissions}. */
  public boolean allowsAny(List<Permission> permissions, String resourceId) {
    return permissions.stream().anyMatch(permission -> allows(permission, resourceId));
  }

  /** The resource ids (by {@link #allows}) the caller holds {@code permission} on, as a test; for filtering searches. */
  public Predicate<String> allowed(Permission permission) {
    return all() ? id -> true : id -> allows(permission, id);
  }

  /** Whether the caller holds {@code permission} through a grant on a resource's property, e.g. USER_TASK READ on {@code assignee}. */
  public boolean allowsProperty(Permission permission, String propertyName) {
    if (all()) {
      return true;
    }
    return owned.stream().anyMatch(a -> grants(a, permission) && propertyName.equals(a.resourcePropertyName()));
  }

  /** The resource ids it holds {@code permission} on ({@code *} for all). */
  public List<String> resourceIds(Permission permission) {
    if (all()) {
      return List.of("*");
    }
    Set<String> ids = new TreeSet<>();
    for (Authorization authorization : owned) {
      if (grants(authorization, permission) && authorization.resourceId() != null) {
        ids.add(authorization.resourceId());
      }
    }
    return new ArrayList<>(ids);
  }

  /**
   * Refuses the request unless the caller holds one of {@code permissions} on {@code resourceId}.
   *
   * @throws ApiException 403 in 8.9's words, naming the ids that would do
   */
  public void require(List<Permission> permissions, String resourceId) {
    if (!allowsAny(permissions, resourceId)) {
      throw forbidden(permissions.getFirst(), resourceId);
    }
  }

  public void require(Permission permission, String resourceId) {
    require(List.of(permission), resourceId);
  }

  /** The 403 for a caller without {@code permission} on {@code resourceId}. */
  public ApiException forbidden(Permission permission, String resourceId) {
    String ids = resourceId == null || resourceId.equals("*") ? "'[*]'" : "'[*, " + resourceId + "]'";
    return new ApiException(ProblemStatus.FORBIDDEN, "Insufficient permissions to perform operation '" + permission.permissionType()
        + "' on resource '" + permission.resourceType() + "', required resource identifiers are one of " + ids
        + ". Grant it to " + owner() + " with POST /v2/authorizations, directly or through a group, role or mapping rule");
  }

  private String owner() {
    Caller caller = principal.caller();
    return switch (caller.kind()) {
      case CLIENT -> "the client '" + caller.name() + "' (ownerType CLIENT)";
      case USER, ANONYMOUS -> "the user '" + caller.name() + "' (ownerType USER)";
    };
  }

  private static boolean grants(Authorization authorization, Permission permission) {
    return authorization.resourceType().equals(permission.resourceType())
        && authorization.permissionTypes().contains(permission.permissionType());
  }
}
