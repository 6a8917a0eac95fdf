package org.camunda4j.engine.internal.authorization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.state.Identities.MappingRule;

/**
 * Which mapping rules a bearer token's claims match. A rule matches when the claim it names holds
 * its value, or is a list (such as {@code groups} or {@code roles}) that contains it; numbers and
 * booleans compare by their text, as a rule's value is always a string.
 */
final class ClaimMatcher {

  private ClaimMatcher() {}

  static List<MappingRule> matching(Collection<MappingRule> rules, Map<String, Object> claims) {
    if (claims.isEmpty()) {
      return List.of();
    }
    return rules.stream().filter(rule -> matches(rule, claims)).toList();
  }

  static boolean matches(MappingRule rule, Map<String, Object> claims) {
    Object value = claims.get(rule.claimName());
    if (value instanceof Collection<?> values) {
      return values.stream().anyMatch(v -> v != null && String.valueOf(v).equals(rule.claimValue()));
    }
    return value != null && String.valueOf(value).equals(rule.claimValue());
  }
}
