package org.camunda4j.engine.internal.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda4j.engine.internal.rest.Caller;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.Identities.MappingRule;
import org.camunda4j.engine.internal.state.Identities.Member;
import org.camunda4j.engine.internal.state.Identities.MemberType;
import org.camunda4j.engine.internal.state.Identities.Membership;

/**
 * A caller as the identity state sees it: the user or client itself, the mapping rules its token
 * matches, and the groups, roles and tenants all of those belong to. Authorizations granted to any
 * of them are the caller's.
 *
 * @param identities the caller and its matching mapping rules
 */
public record Principal(Caller caller, List<Member> identities, Membership membership) {

  public static Principal of(Caller caller, Identities identities) {
    List<Member> direct = new ArrayList<>();
    if (caller.kind() != Caller.Kind.ANONYMOUS) {
      direct.add(new Member(caller.kind() == Caller.Kind.CLIENT ? MemberType.CLIENT : MemberType.USER, caller.name()));
    }
    for (MappingRule rule : ClaimMatcher.matching(identities.mappingRules(), caller.claims())) {
      direct.add(new Member(MemberType.MAPPING_RULE, rule.mappingRuleId()));
    }
    return new Principal(caller, List.copyOf(direct), identities.membershipOf(direct));
  }

  /** The tenants the caller may use: those its configuration gives it and those it is a member of. */
  public Set<String> tenants() {
    Set<String> tenants = new TreeSet<>(caller.tenants());
    tenants.addAll(membership.tenants());
    return tenants;
  }

  /** Whether an authorization's owner is this caller, one of its mapping rules, groups or roles. */
  public boolean owns(String ownerType, String ownerId) {
    return switch (ownerType) {
      case "GROUP" -> membership.groups().contains(ownerId);
      case "ROLE" -> membership.roles().contains(ownerId);
      default -> identities.contains(new Member(MemberType.valueOf(ownerType), ownerId));
    };
  }
}
