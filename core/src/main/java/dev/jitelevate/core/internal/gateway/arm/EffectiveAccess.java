package dev.jitelevate.core.internal.gateway.arm;

import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decides from the permissions API whether a role's actions and data actions are in effect: each must be
 * granted by one entry (one role the caller holds) whose patterns match it and whose exclusions do not.
 * ARM patterns use {@code *} as a wildcard and compare case-insensitively.
 */
final class EffectiveAccess {
  private EffectiveAccess() {}

  /** The first of the role's actions or data actions no entry grants, or empty when all are granted. */
  static Optional<String> firstMissing(RoleActions role, List<ArmClient.Permission> granted) {
    for (String action : role.actions()) {
      if (!grants(granted, action, ArmClient.Permission::actions, ArmClient.Permission::notActions)) {
        return Optional.of(action);
      }
    }
    for (String action : role.dataActions()) {
      if (!grants(granted, action, ArmClient.Permission::dataActions, ArmClient.Permission::notDataActions)) {
        return Optional.of(action + " (data action)");
      }
    }
    return Optional.empty();
  }

  private static boolean grants(List<ArmClient.Permission> granted, String action,
      Function<ArmClient.Permission, List<String>> allowed, Function<ArmClient.Permission, List<String>> excluded) {
    return granted.stream().anyMatch(p -> matchesAny(allowed.apply(p), action) && !matchesAny(excluded.apply(p), action));
  }

  private static boolean matchesAny(List<String> patterns, String action) {
    return patterns.stream().anyMatch(pattern -> matches(pattern, action));
  }

  /** Whether an ARM action pattern ({@code Microsoft.KeyVault/vaults/secrets/*}) matches the action. */
  static boolean matches(String pattern, String action) {
    String regex = ("\\Q" + pattern.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
    return Pattern.matches(regex, action.toLowerCase(Locale.ROOT));
  }
}
