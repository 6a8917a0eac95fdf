package org.camunda4j.engine.internal.processing;

import java.util.Locale;
import org.camunda4j.engine.internal.processing.IdentityChange.*;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.Identities.Entity;
import org.camunda4j.engine.internal.state.Identities.EntityType;
import org.camunda4j.engine.internal.state.Identities.User;

/**
 * Users, tenants, groups, roles, mapping rules, members and authorizations: each change is checked against the
 * state (a duplicate is ALREADY_EXISTS, a missing one NOT_FOUND) before its event is emitted.
 */
final class IdentityCommands {

  private final EngineState state;

  IdentityCommands(EngineState state) {
    this.state = state;
  }

  Object change(ProcessingContext ctx, IdentityChange change) {
    Identities identities = state.identities();
    return switch (change) {
      case CreateUser c -> {
        if (identities.user(c.user().username()).isPresent()) {
          throw new Rejection(Rejection.Type.ALREADY_EXISTS, "Expected to create user with username '" + c.user().username()
              + "', but a user with this username already exists");
        }
        ctx.emit(new EngineEvent.UserSaved(c.user()));
        yield c.user();
      }
      case UpdateUser c -> {
        User old = user(c.username(), "update");
        User updated = new User(old.username(), c.name() != null ? c.name() : old.name(), c.email() != null ? c.email() : old.email(),
            c.passwordHash() != null ? c.passwordHash() : old.passwordHash());
        ctx.emit(new EngineEvent.UserSaved(updated));
        yield updated;
      }
      case DeleteUser c -> {
        user(c.username(), "delete");
        ctx.emit(new EngineEvent.UserDeleted(c.username()));
        yield null;
      }
      case CreateEntity c -> {
        Entity entity = c.entity();
        if (identities.entity(entity.type(), entity.id()).isPresent()) {
          throw new Rejection(Rejection.Type.ALREADY_EXISTS, "Expected to create " + noun(entity.type()) + " with " + idName(entity.type())
              + " '" + entity.id() + "', but a " + noun(entity.type()) + " with this ID already exists");
        }
        ctx.emit(new EngineEvent.IdentityEntitySaved(entity));
        yield entity;
      }
      case UpdateEntity c -> {
        entity(c.entity().type(), c.entity().id(), "update");
        ctx.emit(new EngineEvent.IdentityEntitySaved(c.entity()));
        yield c.entity();
      }
      case DeleteEntity c -> {
        entity(c.type(), c.id(), "delete");
        if (c.type() == EntityType.TENANT && c.id().equals(Identities.DEFAULT_TENANT.id())) {
          throw Rejection.invalidArgument("The default tenant '<default>' cannot be deleted");
        }
        ctx.emit(new EngineEvent.IdentityEntityDeleted(c.type(), c.id()));
        yield null;
      }
      case AddMember c -> {
        entity(c.type(), c.id(), "add a member to");
        if (c.member().type() == Identities.MemberType.GROUP || c.member().type() == Identities.MemberType.ROLE) {
          entity(EntityType.valueOf(c.member().type().name()), c.member().id(), "add to " + noun(c.type()) + " '" + c.id() + "'");
        }
        if (c.member().type() == Identities.MemberType.MAPPING_RULE) {
          mappingRule(c.member().id(), "add to " + noun(c.type()) + " '" + c.id() + "'");
        }
        if (identities.isMember(c.type(), c.id(), c.member())) {
          throw new Rejection(Rejection.Type.ALREADY_EXISTS, "Expected to add " + memberNoun(c.member()) + " to " + noun(c.type()) + " '"
              + c.id() + "', but it is already a member");
        }
        ctx.emit(new EngineEvent.MemberAdded(c.type(), c.id(), c.member()));
        yield null;
      }
      case RemoveMember c -> {
        entity(c.type(), c.id(), "remove a member from");
        if (!identities.isMember(c.type(), c.id(), c.member())) {
          throw Rejection.notFound("Expected to remove " + memberNoun(c.member()) + " from " + noun(c.type()) + " '" + c.id()
              + "', but it is not a member");
        }
        ctx.emit(new EngineEvent.MemberRemoved(c.type(), c.id(), c.member()));
        yield null;
      }
      case CreateAuthorization c -> {
        Identities.Authorization given = c.authorization();
        Identities.Authorization created = new Identities.Authorization(state.nextKey(), given.ownerId(), given.ownerType(),
            given.resourceType(), given.resourceId(), given.resourcePropertyName(), given.permissionTypes());
        ctx.emit(new EngineEvent.AuthorizationSaved(created));
        yield created.key();
      }
      case UpdateAuthorization c -> {
        authorization(c.authorization().key(), "update");
        ctx.emit(new EngineEvent.AuthorizationSaved(c.authorization()));
        yield null;
      }
      case DeleteAuthorization c -> {
        authorization(c.authorizationKey(), "delete");
        ctx.emit(new EngineEvent.AuthorizationDeleted(c.authorizationKey()));
        yield null;
      }
      case CreateMappingRule c -> {
        Identities.MappingRule rule = c.mappingRule();
        if (identities.mappingRule(rule.mappingRuleId()).isPresent()) {
          throw new Rejection(Rejection.Type.ALREADY_EXISTS, "Expected to create mapping rule with mappingRuleId '" + rule.mappingRuleId()
              + "', but a mapping rule with this ID already exists");
        }
        ctx.emit(new EngineEvent.MappingRuleSaved(rule));
        yield rule;
      }
      case UpdateMappingRule c -> {
        mappingRule(c.mappingRule().mappingRuleId(), "update");
        ctx.emit(new EngineEvent.MappingRuleSaved(c.mappingRule()));
        yield c.mappingRule();
      }
      case DeleteMappingRule c -> {
        mappingRule(c.mappingRuleId(), "delete");
        ctx.emit(new EngineEvent.MappingRuleDeleted(c.mappingRuleId()));
        yield null;
      }
    };
  }

  private User user(String username, String verb) {
    return state.identities().user(username).orElseThrow(() -> Rejection.notFound(
        "Expected to " + verb + " user with username '" + username + "', but a user with this username does not exist"));
  }

  private Entity entity(EntityType type, String id, String verb) {
    return state.identities().entity(type, id).orElseThrow(() -> Rejection.notFound(
        "Expected to " + verb + " " + noun(type) + " with " + idName(type) + " '" + id + "', but a " + noun(type)
            + " with this ID does not exist"));
  }

  private void mappingRule(String mappingRuleId, String verb) {
    if (state.identities().mappingRule(mappingRuleId).isEmpty()) {
      throw Rejection.notFound("Expected to " + verb + " mapping rule with mappingRuleId '" + mappingRuleId
          + "', but a mapping rule with this ID does not exist");
    }
  }

  private void authorization(long key, String verb) {
    if (state.identities().authorization(key).isEmpty()) {
      throw Rejection.notFound("Expected to " + verb + " authorization with key '" + key + "', but an authorization with this key does not exist");
    }
  }

  private static String noun(EntityType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static String idName(EntityType type) {
    return noun(type) + "Id";
  }

  private static String memberNoun(Identities.Member member) {
    return member.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " '" + member.id() + "'";
  }
}
