package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RequiredAccess;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of an ARM role's actions the verify step waits for: those the operation declares it needs (and the
 * role grants), else the role's most specific action (see {@link #mostSpecific}), not every action of a role
 * whose unrelated actions may propagate at another pace.
 */
final class ProbedActions {
  private ProbedActions() {}

  /** The target's actions to probe (the role's own when it has no ARM actions); the target keeps all of them. */
  static RoleActions probe(ResolvedTarget target, Optional<PrivilegedOperation> operation) {
    RoleActions role = target.roleActions();
    if (role.actions().isEmpty() && role.dataActions().isEmpty()) {
      return role;
    }
    RequiredAccess needed = operation.map(PrivilegedOperation::requiredAccess).orElse(RequiredAccess.none());
    List<String> actions = granted(needed.actions(), role.actions());
    List<String> dataActions = granted(needed.dataActions(), role.dataActions());
    if (!actions.isEmpty() || !dataActions.isEmpty()) {
      return new RoleActions(actions, role.notActions(), dataActions, role.notDataActions());
    }
    return mostSpecific(role);
  }

  /** Describes what is probed, for the log. */
  static String describe(RoleActions probed) {
    return String.join(", ", Stream.concat(probed.actions().stream(),
        probed.dataActions().stream().map(a -> a + " (data action)")).toList());
  }

  private static List<String> granted(List<String> needed, List<String> patterns) {
    return needed.stream().filter(a -> patterns.stream().anyMatch(p -> matches(p, a))).toList();
  }

  /**
   * The action most specific to the role: a data action before an action (data actions belong to the role's
   * service), one that writes or acts before a read (reads are granted by Reader everywhere, so they prove
   * nothing about this role), then the longest pattern.
   */
  private static RoleActions mostSpecific(RoleActions role) {
    Comparator<String> specific = Comparator.<String, Boolean>comparing(ProbedActions::isRead)
        .thenComparing(Comparator.comparingInt(String::length).reversed());
    Optional<String> data = role.dataActions().stream().min(specific);
    Optional<String> action = role.actions().stream().min(specific);
    if (data.isPresent() && (action.isEmpty() || !isRead(data.get()) || isRead(action.get()))) {
      return new RoleActions(List.of(), role.notActions(), List.of(data.get()), role.notDataActions());
    }
    return new RoleActions(action.map(List::of).orElse(List.of()), role.notActions(), List.of(), role.notDataActions());
  }

  private static boolean isRead(String action) {
    return action.toLowerCase(Locale.ROOT).endsWith("/read");
  }

  /** Whether an ARM pattern ({@code Microsoft.KeyVault/vaults/secrets/*}) covers the action. */
  static boolean matches(String pattern, String action) {
    String regex = ("\\Q" + pattern.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
    return Pattern.matches(regex, action.toLowerCase(Locale.ROOT));
  }
}
