package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.noContent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda4j.engine.internal.auth.Passwords;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.IdentityChange;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.Identities.Authorization;
import org.camunda4j.engine.internal.state.Identities.Entity;
import org.camunda4j.engine.internal.state.Identities.EntityType;
import org.camunda4j.engine.internal.state.Identities.Member;
import org.camunda4j.engine.internal.state.Identities.MemberType;

/**
 * The identity part of the 8.9 API: {@code /v2/users}, {@code /v2/tenants}, {@code /v2/groups} and
 * {@code /v2/roles} with their members, {@code /v2/mapping-rules} and {@code /v2/authorizations}. Everything is kept in the
 * engine's state through events, so it survives a restart with a data directory. Users created here
 * can sign in with HTTP Basic; tenant memberships widen a caller's tenants under multi-tenancy.
 * Authorizations are enforced when the engine runs with them on ({@link AccessGuard}).
 */
final class IdentityApi {

  /** 8.9's id pattern for usernames, group and role ids. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_~@.+-]{1,256}");
  private static final Pattern TENANT_ID = Pattern.compile("<default>|[A-Za-z0-9_@.+-]{1,31}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Set<String> OWNER_TYPES = Set.of("USER", "CLIENT", "ROLE", "GROUP", "MAPPING_RULE");
  private static final Set<String> RESOURCE_TYPES = Set.of(
      "AUDIT_LOG", "AUTHORIZATION", "BATCH", "CLUSTER_VARIABLE", "COMPONENT", "DECISION_DEFINITION", "DECISION_REQUIREMENTS_DEFINITION",
      "DOCUMENT", "EXPRESSION", "GLOBAL_LISTENER", "GROUP", "MAPPING_RULE", "MESSAGE", "PROCESS_DEFINITION", "RESOURCE", "ROLE",
      "SYSTEM", "TENANT", "USER", "USER_TASK");
  private static final Set<String> PERMISSION_TYPES = Set.of(
      "ACCESS", "CANCEL_PROCESS_INSTANCE", "CLAIM", "CLAIM_USER_TASK", "COMPLETE", "COMPLETE_USER_TASK", "CREATE",
      "CREATE_BATCH_OPERATION_CANCEL_PROCESS_INSTANCE", "CREATE_BATCH_OPERATION_DELETE_DECISION_DEFINITION",
      "CREATE_BATCH_OPERATION_DELETE_DECISION_INSTANCE", "CREATE_BATCH_OPERATION_DELETE_PROCESS_DEFINITION",
      "CREATE_BATCH_OPERATION_DELETE_PROCESS_INSTANCE", "CREATE_BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE",
      "CREATE_BATCH_OPERATION_MODIFY_PROCESS_INSTANCE", "CREATE_BATCH_OPERATION_RESOLVE_INCIDENT", "CREATE_DECISION_INSTANCE",
      "CREATE_PROCESS_INSTANCE", "CREATE_TASK_LISTENER", "DELETE", "DELETE_DECISION_INSTANCE", "DELETE_DRD", "DELETE_FORM",
      "DELETE_PROCESS", "DELETE_PROCESS_INSTANCE", "DELETE_RESOURCE", "DELETE_TASK_LISTENER", "EVALUATE", "MODIFY_PROCESS_INSTANCE",
      "READ", "READ_DECISION_DEFINITION", "READ_DECISION_INSTANCE", "READ_JOB_METRIC", "READ_PROCESS_DEFINITION",
      "READ_PROCESS_INSTANCE", "READ_USAGE_METRIC", "READ_USER_TASK", "READ_TASK_LISTENER", "UPDATE", "UPDATE_PROCESS_INSTANCE",
      "UPDATE_USER_TASK", "UPDATE_TASK_LISTENER");

  private final EngineOperations engine;
  private final AccessGuard access;

  IdentityApi(EngineOperations engine, AccessGuard access) {
    this.engine = engine;
    this.access = access;
  }

  void register(Router router) {
    // creating or changing a user hashes its password (PBKDF2, deliberately slow): off the network threads
    router
        .routeBlocking("POST", "/v2/users", this::createUser)
        .route("POST", "/v2/users/search", this::searchUsers)
        .route("GET", "/v2/users/{username}", this::getUser)
        .routeBlocking("PUT", "/v2/users/{username}", this::updateUser)
        .route("DELETE", "/v2/users/{username}", request ->
            noContent(engine.changeIdentity(new IdentityChange.DeleteUser(request.pathParam("username")))));
    for (EntityType type : EntityType.values()) {
      String base = "/v2/" + plural(type);
      String id = "{" + idField(type) + "}";
      router
          .route("POST", base, request -> createEntity(request, type))
          .route("POST", base + "/search", request -> searchEntities(request, type))
          .route("GET", base + "/" + id, request -> getEntity(request, type))
          .route("PUT", base + "/" + id, request -> updateEntity(request, type))
          .route("DELETE", base + "/" + id, request ->
              noContent(engine.changeIdentity(new IdentityChange.DeleteEntity(type, request.pathParam(idField(type))))));
      for (MemberType memberType : membersOf(type)) {
        String members = base + "/" + id + "/" + plural(memberType);
        String memberId = "{" + idField(memberType) + "}";
        router
            .route("PUT", members + "/" + memberId, request -> noContent(engine.changeIdentity(
                new IdentityChange.AddMember(type, request.pathParam(idField(type)), member(request, memberType)))))
            .route("DELETE", members + "/" + memberId, request -> noContent(engine.changeIdentity(
                new IdentityChange.RemoveMember(type, request.pathParam(idField(type)), member(request, memberType)))))
            .route("POST", members + "/search", request -> searchMembers(request, type, memberType));
      }
    }
    router
        .route("POST", "/v2/mapping-rules", this::createMappingRule)
        .route("POST", "/v2/mapping-rules/search", this::searchMappingRules)
        .route("GET", "/v2/mapping-rules/{mappingRuleId}", this::getMappingRule)
        .route("PUT", "/v2/mapping-rules/{mappingRuleId}", this::updateMappingRule)
        .route("DELETE", "/v2/mapping-rules/{mappingRuleId}", request ->
            noContent(engine.changeIdentity(new IdentityChange.DeleteMappingRule(request.pathParam("mappingRuleId")))));
    router
        .route("POST", "/v2/authorizations", this::createAuthorization)
        .route("POST", "/v2/authorizations/search", this::searchAuthorizations)
        .route("GET", "/v2/authorizations/{authorizationKey}", this::getAuthorization)
        .route("PUT", "/v2/authorizations/{authorizationKey}", this::updateAuthorization)
        .route("DELETE", "/v2/authorizations/{authorizationKey}", request ->
            noContent(engine.changeIdentity(new IdentityChange.DeleteAuthorization(request.keyParam("authorizationKey")))));
  }

  // --- users

  private static final SearchFields<Map<String, Object>> USER_FIELDS = stringFields("username", "name", "email");

  private CompletionStage<Reply> createUser(Request request) {
    JsonNode body = request.bodyTree();
    String username = id(body, "username");
    String password = required(body, "password");
    Identities.User user = new Identities.User(username, optional(body, "name"), email(body), Passwords.hash(password));
    CompletableFuture<Identities.User> created = engine.changeIdentity(new IdentityChange.CreateUser(user));
    return Outcomes.reply(created, u -> Reply.json(201, toWire(u)));
  }

  private CompletionStage<Reply> updateUser(Request request) {
    JsonNode body = request.bodyTree();
    String password = optional(body, "password");
    if (password != null && password.isEmpty()) {
      throw ApiException.invalidArgument("password must not be empty; omit it to keep the current one");
    }
    CompletableFuture<Identities.User> updated = engine.changeIdentity(new IdentityChange.UpdateUser(
        request.pathParam("username"), optional(body, "name"), email(body), password == null ? null : Passwords.hash(password)));
    return Outcomes.reply(updated, u -> Reply.json(toWire(u)));
  }

  private CompletionStage<Reply> getUser(Request request) {
    String username = request.pathParam("username");
    return Outcomes.reply(engine.read(state -> state.identities().user(username)), found -> Reply.json(toWire(found.orElseThrow(
        () -> ApiException.notFound("User with username '" + username + "' not found")))));
  }

  private CompletionStage<Reply> searchUsers(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(state -> state.identities().users().stream().map(IdentityApi::toWire).toList()),
        rows -> Reply.json(Search.search(readable(request, rows, "USER", "username"), query, USER_FIELDS, USER_FIELDS)));
  }

  private static Map<String, Object> toWire(Identities.User user) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("username", user.username());
    wire.put("name", user.name());
    wire.put("email", user.email());
    return wire;
  }

  // --- tenants, groups, roles

  private CompletionStage<Reply> createEntity(Request request, EntityType type) {
    JsonNode body = request.bodyTree();
    String id = type == EntityType.TENANT ? tenantId(required(body, "tenantId")) : id(body, idField(type));
    Entity entity = new Entity(type, id, required(body, "name"), optional(body, "description"));
    CompletableFuture<Entity> created = engine.changeIdentity(new IdentityChange.CreateEntity(entity));
    return Outcomes.reply(created, e -> Reply.json(201, toWire(e)));
  }

  private CompletionStage<Reply> updateEntity(Request request, EntityType type) {
    JsonNode body = request.bodyTree();
    Entity entity = new Entity(type, request.pathParam(idField(type)), required(body, "name"), optional(body, "description"));
    CompletableFuture<Entity> updated = engine.changeIdentity(new IdentityChange.UpdateEntity(entity));
    return Outcomes.reply(updated, e -> Reply.json(toWire(e)));
  }

  private CompletionStage<Reply> getEntity(Request request, EntityType type) {
    String id = request.pathParam(idField(type));
    return Outcomes.reply(engine.read(state -> state.identities().entity(type, id)), found -> Reply.json(toWire(found.orElseThrow(
        () -> ApiException.notFound(capitalized(type) + " with " + idField(type) + " '" + id + "' not found")))));
  }

  private CompletionStage<Reply> searchEntities(Request request, EntityType type) {
    SearchQuery query = request.body(SearchQuery.class);
    SearchFields<Map<String, Object>> fields = stringFields(idField(type), "name");
    return Outcomes.reply(
        engine.read(state -> state.identities().entities(type).stream().map(IdentityApi::toWire).toList()),
        rows -> Reply.json(Search.search(readable(request, rows, type.name(), idField(type)), query, fields, fields)));
  }

  /**
   * Members that are users or clients are items with their id; groups and roles are items with their
   * id too, roles with their name; mapping rules are whole mapping rules.
   */
  private CompletionStage<Reply> searchMembers(Request request, EntityType type, MemberType memberType) {
    SearchQuery query = request.body(SearchQuery.class);
    String id = request.pathParam(idField(type));
    SearchFields<Map<String, Object>> fields = switch (memberType) {
      case ROLE -> stringFields("roleId", "name");
      case MAPPING_RULE -> MAPPING_RULE_FIELDS;
      default -> stringFields(idField(memberType));
    };
    return Outcomes.reply(
        engine.read(state -> {
          Identities identities = state.identities();
          if (identities.entity(type, id).isEmpty()) {
            throw ApiException.notFound(capitalized(type) + " with " + idField(type) + " '" + id + "' not found");
          }
          List<Map<String, Object>> rows = new ArrayList<>();
          for (Member member : identities.members(type, id)) {
            if (member.type() == memberType) {
              rows.add(switch (memberType) {
                case ROLE -> identities.entity(EntityType.ROLE, member.id()).map(IdentityApi::toWire).orElse(Map.of("roleId", member.id()));
                case MAPPING_RULE -> identities.mappingRule(member.id()).map(IdentityApi::toWire)
                    .orElse(Map.of("mappingRuleId", member.id()));
                default -> Map.of(idField(memberType), member.id());
              });
            }
          }
          return rows;
        }),
        rows -> Reply.json(Search.search(rows, query, fields, fields)));
  }

  private static Map<String, Object> toWire(Entity entity) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put(idField(entity.type()), entity.id());
    wire.put("name", entity.name());
    wire.put("description", entity.description());
    return wire;
  }

  private static Member member(Request request, MemberType type) {
    String id = request.pathParam(idField(type));
    if (!ID.matcher(id).matches()) {
      throw ApiException.invalidArgument("The " + idField(type) + " '" + id + "' is not valid: use 1 to 256 letters, digits and _~@.+-");
    }
    return new Member(type, id);
  }

  /** What may be a member of each entity, as 8.9 defines it. */
  private static List<MemberType> membersOf(EntityType type) {
    return switch (type) {
      case TENANT -> List.of(MemberType.USER, MemberType.CLIENT, MemberType.GROUP, MemberType.ROLE, MemberType.MAPPING_RULE);
      case GROUP -> List.of(MemberType.USER, MemberType.CLIENT, MemberType.ROLE, MemberType.MAPPING_RULE);
      case ROLE -> List.of(MemberType.USER, MemberType.CLIENT, MemberType.GROUP, MemberType.MAPPING_RULE);
    };
  }

  // --- mapping rules

  private static final SearchFields<Map<String, Object>> MAPPING_RULE_FIELDS =
      stringFields("mappingRuleId", "claimName", "claimValue", "name");

  private CompletionStage<Reply> createMappingRule(Request request) {
    JsonNode body = request.bodyTree();
    Identities.MappingRule rule = mappingRule(body, id(body, "mappingRuleId"));
    CompletableFuture<Identities.MappingRule> created = engine.changeIdentity(new IdentityChange.CreateMappingRule(rule));
    return Outcomes.reply(created, r -> Reply.json(201, toWire(r)));
  }

  private CompletionStage<Reply> updateMappingRule(Request request) {
    Identities.MappingRule rule = mappingRule(request.bodyTree(), request.pathParam("mappingRuleId"));
    CompletableFuture<Identities.MappingRule> updated = engine.changeIdentity(new IdentityChange.UpdateMappingRule(rule));
    return Outcomes.reply(updated, r -> Reply.json(toWire(r)));
  }

  private CompletionStage<Reply> getMappingRule(Request request) {
    String id = request.pathParam("mappingRuleId");
    return Outcomes.reply(engine.read(state -> state.identities().mappingRule(id)), found -> Reply.json(toWire(found.orElseThrow(
        () -> ApiException.notFound("Mapping rule with mappingRuleId '" + id + "' not found")))));
  }

  private CompletionStage<Reply> searchMappingRules(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(state -> state.identities().mappingRules().stream().map(IdentityApi::toWire).toList()),
        rows -> Reply.json(Search.search(readable(request, rows, "MAPPING_RULE", "mappingRuleId"), query, MAPPING_RULE_FIELDS,
            MAPPING_RULE_FIELDS)));
  }

  private static Identities.MappingRule mappingRule(JsonNode body, String mappingRuleId) {
    return new Identities.MappingRule(mappingRuleId, required(body, "claimName"), required(body, "claimValue"), required(body, "name"));
  }

  private static Map<String, Object> toWire(Identities.MappingRule rule) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("claimName", rule.claimName());
    wire.put("claimValue", rule.claimValue());
    wire.put("mappingRuleId", rule.mappingRuleId());
    wire.put("name", rule.name());
    return wire;
  }

  // --- authorizations

  private CompletionStage<Reply> createAuthorization(Request request) {
    Authorization authorization = authorization(request.bodyTree(), 0);
    CompletableFuture<Long> created = engine.changeIdentity(new IdentityChange.CreateAuthorization(authorization));
    return Outcomes.reply(created, key -> Reply.json(201, Map.of("authorizationKey", key(key))));
  }

  private CompletionStage<Reply> updateAuthorization(Request request) {
    Authorization authorization = authorization(request.bodyTree(), request.keyParam("authorizationKey"));
    return noContent(engine.changeIdentity(new IdentityChange.UpdateAuthorization(authorization)));
  }

  private CompletionStage<Reply> getAuthorization(Request request) {
    long key = request.keyParam("authorizationKey");
    return Outcomes.reply(engine.read(state -> state.identities().authorization(key)), found -> Reply.json(toWire(found.orElseThrow(
        () -> ApiException.notFound("Authorization with key '" + key + "' not found")))));
  }

  private static final SearchFields<Map<String, Object>> AUTHORIZATION_FIELDS =
      SearchFields.<Map<String, Object>>builder()
          .string("ownerId", row -> (String) row.get("ownerId"))
          .string("ownerType", row -> (String) row.get("ownerType"))
          .string("resourceType", row -> (String) row.get("resourceType"))
          .custom("resourceIds", value -> anyOf("resourceIds", value, "resourceId"))
          .custom("resourcePropertyNames", value -> anyOf("resourcePropertyNames", value, "resourcePropertyName"))
          .build();
  private static final SearchFields<Map<String, Object>> AUTHORIZATION_SORT =
      stringFields("ownerId", "ownerType", "resourceId", "resourcePropertyName", "resourceType");

  private CompletionStage<Reply> searchAuthorizations(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(state -> state.identities().authorizations().stream().map(IdentityApi::toWire).toList()),
        rows -> Reply.json(Search.search(readable(request, rows, "AUTHORIZATION", "authorizationKey"), query, AUTHORIZATION_FIELDS,
            AUTHORIZATION_SORT)));
  }

  private static java.util.function.Predicate<Map<String, Object>> anyOf(String filter, JsonNode value, String field) {
    if (!value.isArray()) {
      throw ApiException.invalidArgument("The filter field '" + filter + "' takes an array of strings");
    }
    Set<String> wanted = new HashSet<>();
    value.forEach(v -> wanted.add(v.asText()));
    return row -> wanted.isEmpty() || wanted.contains((String) row.get(field));
  }

  private static Authorization authorization(JsonNode body, long key) {
    String ownerId = required(body, "ownerId");
    String ownerType = oneOf(body, "ownerType", OWNER_TYPES);
    String resourceType = oneOf(body, "resourceType", RESOURCE_TYPES);
    String resourceId = optional(body, "resourceId");
    String resourcePropertyName = optional(body, "resourcePropertyName");
    if ((resourceId == null) == (resourcePropertyName == null)) {
      throw ApiException.invalidArgument("Give exactly one of resourceId (an id, or '*' for all) and resourcePropertyName");
    }
    JsonNode permissions = body.get("permissionTypes");
    if (permissions == null || !permissions.isArray() || permissions.isEmpty()) {
      throw ApiException.invalidArgument("permissionTypes is required: a non-empty array such as [\"READ\", \"UPDATE\"]");
    }
    List<String> permissionTypes = new ArrayList<>();
    for (JsonNode permission : permissions) {
      if (!PERMISSION_TYPES.contains(permission.asText())) {
        throw ApiException.invalidArgument("permissionTypes contains '" + permission.asText() + "', which is not a permission type; use one of "
            + new java.util.TreeSet<>(PERMISSION_TYPES));
      }
      permissionTypes.add(permission.asText());
    }
    return new Authorization(key, ownerId, ownerType, resourceType, resourceId, resourcePropertyName, List.copyOf(permissionTypes));
  }

  private static Map<String, Object> toWire(Authorization authorization) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("authorizationKey", key(authorization.key()));
    wire.put("ownerId", authorization.ownerId());
    wire.put("ownerType", authorization.ownerType());
    wire.put("resourceType", authorization.resourceType());
    wire.put("resourceId", authorization.resourceId());
    wire.put("resourcePropertyName", authorization.resourcePropertyName());
    wire.put("permissionTypes", authorization.permissionTypes());
    return wire;
  }

  // --- shared

  /** The rows of a search the caller may read (READ on the resource type, on their id or {@code *}), as 8.9 filters them. */
  private List<Map<String, Object>> readable(Request request, List<Map<String, Object>> rows, String resourceType, String idField) {
    return access.visible(request, rows, Permission.on(resourceType, "READ"), row -> (String) row.get(idField));
  }

  private static SearchFields<Map<String, Object>> stringFields(String... names) {
    SearchFields.Builder<Map<String, Object>> builder = SearchFields.builder();
    for (String name : names) {
      Function<Map<String, Object>, String> value = row -> (String) row.get(name);
      builder.string(name, value);
    }
    return builder.build();
  }

  private static String plural(EntityType type) {
    return type.name().toLowerCase(Locale.ROOT) + "s";
  }

  private static String plural(MemberType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-') + "s";
  }

  private static String idField(EntityType type) {
    return type.name().toLowerCase(Locale.ROOT) + "Id";
  }

  private static String idField(MemberType type) {
    return switch (type) {
      case USER -> "username";
      case CLIENT -> "clientId";
      case GROUP -> "groupId";
      case ROLE -> "roleId";
      case MAPPING_RULE -> "mappingRuleId";
    };
  }

  private static String capitalized(EntityType type) {
    String noun = type.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
  }

  private static String required(JsonNode body, String field) {
    String value = optional(body, field);
    if (value == null || value.isBlank()) {
      throw ApiException.invalidArgument("No " + field + " provided: " + field + " is required and must not be blank");
    }
    return value;
  }

  private static String optional(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.invalidArgument(field + " must be a string, was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.asText();
  }

  private static String id(JsonNode body, String field) {
    String id = required(body, field);
    if (!ID.matcher(id).matches()) {
      throw ApiException.invalidArgument("The " + field + " '" + id + "' is not valid: use 1 to 256 letters, digits and _~@.+-");
    }
    return id;
  }

  private static String tenantId(String id) {
    if (!TENANT_ID.matcher(id).matches()) {
      throw ApiException.invalidArgument("The tenantId '" + id + "' is not valid: use 1 to 31 letters, digits and _@.+-");
    }
    return id;
  }

  private static String email(JsonNode body) {
    String email = optional(body, "email");
    if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
      throw ApiException.invalidArgument("The email '" + email + "' is not a valid email address");
    }
    return email;
  }

  private static String oneOf(JsonNode body, String field, Set<String> allowed) {
    String value = required(body, field);
    if (!allowed.contains(value)) {
      throw ApiException.invalidArgument(field + " '" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
    }
    return value;
  }
}
