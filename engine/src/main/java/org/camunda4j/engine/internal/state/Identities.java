package org.camunda4j.engine.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users, tenants, groups, roles, mapping rules, their members and authorizations, as the identity API manages
 * them. Changed only by {@link EventApplier}, on the processor thread. Authentication (passwords of
 * users created here) and tenant checks run on network threads before a request reaches the
 * processor, so they read a {@link #copy()} the processor publishes after each batch instead: the
 * live maps pass through half-done states while a failed command is undone (cleared, then replayed),
 * and a check reading them then would refuse a caller with a spurious 401 or 403.
 */
public final class Identities implements java.io.Serializable {

  /** A user created through the API; the password only as a salted hash. */
  public record User(String username, String name, String email, String passwordHash) implements java.io.Serializable {}

  /** The kinds of identity entity that have an id, a name, a description and members. */
  public enum EntityType {
    TENANT,
    GROUP,
    ROLE
  }

  /** What can be a member of an entity (8.9's owner types, less UNSPECIFIED). */
  public enum MemberType {
    USER,
    CLIENT,
    GROUP,
    ROLE,
    MAPPING_RULE
  }

  public record Entity(EntityType type, String id, String name, String description) implements java.io.Serializable {}

  public record Member(MemberType type, String id) implements java.io.Serializable {}

  /**
   * Makes every OIDC caller whose token has {@code claimValue} in claim {@code claimName} a member
   * wherever the rule is a member, and gives it the rule's authorizations.
   */
  public record MappingRule(String mappingRuleId, String claimName, String claimValue, String name) implements java.io.Serializable {}

  /** Where an identity belongs, directly or through its groups and roles. */
  public record Membership(Set<String> groups, Set<String> roles, Set<String> tenants) {}

  /** A permission grant; exactly one of {@code resourceId} and {@code resourcePropertyName} is set. */
  public record Authorization(
      long key, String ownerId, String ownerType, String resourceType, String resourceId, String resourcePropertyName,
      List<String> permissionTypes) implements java.io.Serializable {}

  /** The tenant every engine has, as in Camunda: it exists without being created and cannot be deleted. */
  public static final Entity DEFAULT_TENANT = new Entity(EntityType.TENANT, "<default>", "Default", "");

  private static final Comparator<Member> MEMBER_ORDER = Comparator.comparing(Member::type).thenComparing(Member::id);

  final Map<String, User> users;
  /** Entities by {@link #id(EntityType, String)}. */
  final Map<String, Entity> entities;
  /** The members of an entity, sorted, by {@link #id(EntityType, String)}. */
  final Map<String, List<Member>> members;
  final Map<Long, Authorization> authorizations;
  final Map<String, MappingRule> mappingRules;
  /** Whether a change came since the last {@link #takeChanged()}: the processor copies only then. Not state. */
  private transient boolean changed;

  Identities() {
    this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  private Identities(
      Map<String, User> users, Map<String, Entity> entities, Map<String, List<Member>> members,
      Map<Long, Authorization> authorizations, Map<String, MappingRule> mappingRules) {
    this.users = users;
    this.entities = entities;
    this.members = members;
    this.authorizations = authorizations;
    this.mappingRules = mappingRules;
  }

  /**
   * An immutable copy, for the threads that read identities outside the processor; its values are
   * immutable already, so the maps are all there is to copy.
   */
  public Identities copy() {
    return new Identities(Map.copyOf(users), Map.copyOf(entities), Map.copyOf(members), Map.copyOf(authorizations),
        Map.copyOf(mappingRules));
  }

  /** Whether anything changed since the last call (a state read back from a snapshot counts as unchanged). */
  public boolean takeChanged() {
    boolean was = changed;
    changed = false;
    return was;
  }

  private static String id(EntityType type, String id) {
    return type + "/" + id;
  }

  public Optional<User> user(String username) {
    return Optional.ofNullable(users.get(username));
  }

  public Collection<User> users() {
    return List.copyOf(users.values());
  }

  public Optional<Entity> entity(EntityType type, String id) {
    if (type == EntityType.TENANT && id.equals(DEFAULT_TENANT.id())) {
      return Optional.of(entities.getOrDefault(id(type, id), DEFAULT_TENANT));
    }
    return Optional.ofNullable(entities.get(id(type, id)));
  }

  public List<Entity> entities(EntityType type) {
    List<Entity> found = new ArrayList<>(entities.values().stream().filter(e -> e.type() == type).toList());
    if (type == EntityType.TENANT && !entities.containsKey(id(type, DEFAULT_TENANT.id()))) {
      found.add(DEFAULT_TENANT);
    }
    return found;
  }

  public List<Member> members(EntityType type, String id) {
    return members.getOrDefault(id(type, id), List.of());
  }

  public boolean isMember(EntityType type, String id, Member member) {
    return members(type, id).contains(member);
  }

  public Optional<Authorization> authorization(long key) {
    return Optional.ofNullable(authorizations.get(key));
  }

  public Collection<Authorization> authorizations() {
    return List.copyOf(authorizations.values());
  }

  public Optional<MappingRule> mappingRule(String mappingRuleId) {
    return Optional.ofNullable(mappingRules.get(mappingRuleId));
  }

  public Collection<MappingRule> mappingRules() {
    return List.copyOf(mappingRules.values());
  }

  /**
   * The groups, roles and tenants of a caller that is each of {@code identities} at once (a user or
   * client, and the mapping rules its token matches): directly, through its groups, through its
   * roles, and through the roles of its groups.
   */
  public Membership membershipOf(Collection<Member> identities) {
    Set<Member> all = new TreeSet<>(MEMBER_ORDER);
    all.addAll(identities);
    Set<String> groups = new TreeSet<>();
    for (Entity group : entities(EntityType.GROUP)) {
      if (members(EntityType.GROUP, group.id()).stream().anyMatch(all::contains)) {
        groups.add(group.id());
      }
    }
    groups.forEach(group -> all.add(new Member(MemberType.GROUP, group)));
    Set<String> roles = new TreeSet<>();
    for (Entity role : entities(EntityType.ROLE)) {
      if (members(EntityType.ROLE, role.id()).stream().anyMatch(all::contains)) {
        roles.add(role.id());
      }
    }
    roles.forEach(role -> all.add(new Member(MemberType.ROLE, role)));
    Set<String> tenants = new TreeSet<>();
    for (Entity tenant : entities(EntityType.TENANT)) {
      if (members(EntityType.TENANT, tenant.id()).stream().anyMatch(all::contains)) {
        tenants.add(tenant.id());
      }
    }
    return new Membership(Collections.unmodifiableSet(groups), Collections.unmodifiableSet(roles), Collections.unmodifiableSet(tenants));
  }

  // --- changed by EventApplier only

  void saveUser(User user) {
    changed = true;
    users.put(user.username(), user);
  }

  void deleteUser(String username) {
    changed = true;
    users.remove(username);
    forget(new Member(MemberType.USER, username), "USER", username);
  }

  void saveEntity(Entity entity) {
    changed = true;
    entities.put(id(entity.type(), entity.id()), entity);
  }

  void deleteEntity(EntityType type, String id) {
    changed = true;
    entities.remove(id(type, id));
    members.remove(id(type, id));
    if (type != EntityType.TENANT) {
      forget(new Member(MemberType.valueOf(type.name()), id), type.name(), id);
    }
  }

  void addMember(EntityType type, String id, Member member) {
    changed = true;
    members.compute(id(type, id), (key, old) -> {
      List<Member> next = new ArrayList<>(old == null ? List.of() : old);
      next.add(member);
      next.sort(MEMBER_ORDER);
      return List.copyOf(next);
    });
  }

  void removeMember(EntityType type, String id, Member member) {
    changed = true;
    members.computeIfPresent(id(type, id), (key, old) -> {
      List<Member> next = old.stream().filter(m -> !m.equals(member)).toList();
      return next.isEmpty() ? null : next;
    });
  }

  void saveMappingRule(MappingRule rule) {
    changed = true;
    mappingRules.put(rule.mappingRuleId(), rule);
  }

  void deleteMappingRule(String mappingRuleId) {
    changed = true;
    mappingRules.remove(mappingRuleId);
    forget(new Member(MemberType.MAPPING_RULE, mappingRuleId), "MAPPING_RULE", mappingRuleId);
  }

  void saveAuthorization(Authorization authorization) {
    changed = true;
    authorizations.put(authorization.key(), authorization);
  }

  void deleteAuthorization(long key) {
    changed = true;
    authorizations.remove(key);
  }

  /** A deleted user, group, role or mapping rule is no member anywhere and owns no authorization any more. */
  private void forget(Member member, String ownerType, String ownerId) {
    for (String entity : List.copyOf(members.keySet())) {
      String[] typeAndId = entity.split("/", 2);
      removeMember(EntityType.valueOf(typeAndId[0]), typeAndId[1], member);
    }
    authorizations.values().removeIf(a -> a.ownerType().equals(ownerType) && a.ownerId().equals(ownerId));
  }

  void clear() {
    changed = true;
    users.clear();
    entities.clear();
    members.clear();
    authorizations.clear();
    mappingRules.clear();
  }
}
