package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.Identities.EntityType;
import org.camunda4j.engine.internal.state.Identities.Member;

/** One change the identity API asks for; {@link IdentityCommands} checks it against the state. */
public sealed interface IdentityChange {

  /** Answers the user. */
  record CreateUser(Identities.User user) implements IdentityChange {}

  /** Null fields keep their value; answers the user as it is now. */
  record UpdateUser(String username, String name, String email, String passwordHash) implements IdentityChange {}

  record DeleteUser(String username) implements IdentityChange {}

  /** Answers the entity. */
  record CreateEntity(Identities.Entity entity) implements IdentityChange {}

  /** Answers the entity as it is now. */
  record UpdateEntity(Identities.Entity entity) implements IdentityChange {}

  record DeleteEntity(EntityType type, String id) implements IdentityChange {}

  record AddMember(EntityType type, String id, Member member) implements IdentityChange {}

  record RemoveMember(EntityType type, String id, Member member) implements IdentityChange {}

  /** The key of the authorization is ignored: the engine gives it one, and answers it. */
  record CreateAuthorization(Identities.Authorization authorization) implements IdentityChange {}

  record UpdateAuthorization(Identities.Authorization authorization) implements IdentityChange {}

  record DeleteAuthorization(long authorizationKey) implements IdentityChange {}

  /** Answers the rule. */
  record CreateMappingRule(Identities.MappingRule mappingRule) implements IdentityChange {}

  /** Answers the rule as it is now. */
  record UpdateMappingRule(Identities.MappingRule mappingRule) implements IdentityChange {}

  record DeleteMappingRule(String mappingRuleId) implements IdentityChange {}
}
