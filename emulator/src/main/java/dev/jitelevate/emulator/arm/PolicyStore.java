package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Role management policies. Every role has a policy at every scope; it is materialised on first use from
 * the nearest scenario policy for that role at or above the scope, else from the defaults.
 */
final class PolicyStore {
  private final ArmState state;
  private final Principals principals;

  PolicyStore(ArmState state, Principals principals) {
    this.state = state;
    this.principals = principals;
  }

  RolePolicy policyFor(ArmScope scope, String roleGuid) {
    String key = ArmState.key(scope.path()) + "|" + ArmState.key(roleGuid);
    return state.policies.computeIfAbsent(key, k -> create(scope, roleGuid));
  }

  List<RolePolicy> listAt(ArmScope scope) {
    return state.roles.values().stream().map(r -> policyFor(scope, r.guid())).toList();
  }

  Optional<RolePolicy> byName(ArmScope scope, String name) {
    return listAt(scope).stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Replaces the rules the patch names (matched by {@code id}), keeping the others.
   *
   * @throws ArmException 400 {@code InvalidRequestContent} when a rule has no id or names no rule of the policy
   */
  RolePolicy patch(RolePolicy policy, JsonNode patchRules, String by, Instant now) {
    ArrayNode rules = policy.rules();
    for (JsonNode replacement : patchRules) {
      String id = replacement.path("id").asText("");
      if (id.isEmpty()) {
        throw ArmErrors.missingProperty("id", "properties.rules");
      }
      int index = indexOf(rules, id);
      if (index < 0) {
        throw ArmErrors.badRequest("InvalidRequestContent", "The policy has no rule with id '" + id
            + "'. Use the ids returned by GET, e.g. Expiration_EndUser_Assignment.");
      }
      rules.set(index, replacement.deepCopy());
    }
    RolePolicy updated = new RolePolicy(policy.name(), policy.scope(), policy.roleGuid(), rules, now, by);
    state.policies.put(ArmState.key(policy.scope().path()) + "|" + ArmState.key(policy.roleGuid()), updated);
    return updated;
  }

  private static int indexOf(ArrayNode rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (id.equalsIgnoreCase(rules.get(i).path("id").asText())) {
        return i;
      }
    }
    return -1;
  }

  private RolePolicy create(ArmScope scope, String roleGuid) {
    PolicySettings settings = state.scenarioPolicies.stream()
        .filter(p -> p.roleGuid().equalsIgnoreCase(roleGuid) && state.topology.covers(p.scope(), scope))
        .max(Comparator.comparingInt(p -> p.scope().path().length()))
        .map(ArmState.ScenarioPolicy::settings)
        .orElse(PolicySettings.defaults());
    ArrayNode rules = PolicyRulesTemplate.rules(settings, this::approverLabel);
    String name = ArmState.stableGuid("policy|" + scope.path() + "|" + roleGuid);
    return new RolePolicy(name, scope, roleGuid, rules, null, null);
  }

  private String[] approverLabel(String id) {
    return principals.find(id)
        .map(o -> new String[] {o.displayName(), o.armType().equals("Group") ? "Group" : "User"})
        .orElse(new String[] {id, "User"});
  }
}
