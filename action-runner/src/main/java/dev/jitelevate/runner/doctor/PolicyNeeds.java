package dev.jitelevate.runner.doctor;

import dev.jitelevate.runner.broker.BrokerPolicy;
import dev.jitelevate.runner.broker.GrantLimits;
import dev.jitelevate.runner.broker.PolicyRule;
import dev.jitelevate.runner.cli.TargetKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the broker needs to grant everything a policy allows: the Azure roles (names or ids) and the scope prefixes
 * of its azure-role rules, and whether directory-role or group rules need Graph permissions.
 *
 * @param azureRoles the azure-role rules' roles as written (names or ids)
 * @param scopePrefixes the azure-role rules' scope prefixes
 * @param anywhere whether an azure-role rule has no scope prefix (any scope)
 * @param directoryRoleRules names of the directory-role rules
 * @param groupRules names of the group rules
 */
record PolicyNeeds(Set<String> azureRoles, List<String> scopePrefixes, boolean anywhere, List<String> directoryRoleRules,
    List<String> groupRules) {
  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/subscriptions/([^/]+)");

  PolicyNeeds {
    azureRoles = Set.copyOf(azureRoles);
    scopePrefixes = List.copyOf(scopePrefixes);
    directoryRoleRules = List.copyOf(directoryRoleRules);
    groupRules = List.copyOf(groupRules);
  }

  /** Reads the allow rules of a policy. */
  static PolicyNeeds of(BrokerPolicy policy) {
    Set<String> roles = new LinkedHashSet<>();
    Set<String> prefixes = new LinkedHashSet<>();
    boolean anywhere = false;
    List<String> directory = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (PolicyRule rule : policy.rules()) {
      Optional<GrantLimits> grant = rule.grant();
      if (!rule.allow() || grant.isEmpty()) {
        continue;
      }
      TargetKind target = grant.get().target();
      if (target == TargetKind.AZURE_ROLE) {
        roles.addAll(grant.get().roles());
        anywhere |= grant.get().scopePrefix().isEmpty();
        grant.get().scopePrefix().ifPresent(p -> prefixes.add(trim(p)));
      } else if (target == TargetKind.DIRECTORY_ROLE) {
        directory.add(rule.name());
      } else {
        groups.add(rule.name());
      }
    }
    return new PolicyNeeds(roles, List.copyOf(prefixes), anywhere, directory, groups);
  }

  /** The subscriptions the scope prefixes lie in, where the broker's role assignments are read. */
  List<String> subscriptions() {
    Set<String> out = new LinkedHashSet<>();
    for (String prefix : scopePrefixes) {
      Matcher m = SUBSCRIPTION.matcher(prefix);
      if (m.find()) {
        out.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }

  /** Whether {@code scope} is {@code prefix} or below it (whole segments, case-insensitive). */
  static boolean within(String scope, String prefix) {
    String s = trim(scope).toLowerCase(Locale.ROOT);
    String p = trim(prefix).toLowerCase(Locale.ROOT);
    return p.isEmpty() || s.equals(p) || s.startsWith(p + "/");
  }

  private static String trim(String path) {
    String t = path.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
