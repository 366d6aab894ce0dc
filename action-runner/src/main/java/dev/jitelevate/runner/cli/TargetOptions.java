package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.DirectoryScope;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.GroupRef;
import dev.jitelevate.core.RoleRef;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The target options {@code elevate} and {@code deactivate} share: {@code --target} (a kind with
 * {@code --role/--scope/--group/--access}, or the compact syntax) and {@link #targets()}, the typed targets they
 * name. The descriptions are {@code elevate}'s; a command words them its own way through its resource bundle
 * (the keys are the option names without dashes).
 */
public final class TargetOptions {
  @Option(names = "--target", paramLabel = "TARGET", descriptionKey = "target",
      description = {"What to elevate to: azure-role, directory-role or group (with --role/--scope/--group), or, "
          + "repeatable for several targets elevated as one (all-or-nothing): azure-role:ROLE@SCOPE, "
          + "directory-role:ROLE[@/administrativeUnits/ID] or group:GROUP (its members; group:owner@GROUP for its owners)."})
  List<String> targets = new ArrayList<>();

  @Option(names = "--role", paramLabel = "ROLE", descriptionKey = "role",
      description = "The role's display name or definition id, e.g. \"Key Vault Secrets Officer\".")
  String role;

  @Option(names = "--scope", paramLabel = "SCOPE", descriptionKey = "scope",
      description = "The ARM scope of an azure-role (/subscriptions/...), or the directory scope of a directory-role (/ by default).")
  String scope;

  @Option(names = "--group", paramLabel = "GROUP", descriptionKey = "group",
      description = "The PIM-enabled group's object id or display name (target group).")
  String group;

  @Option(names = "--access", paramLabel = "ACCESS", converter = Converters.AccessConverter.class, defaultValue = "member",
      descriptionKey = "access", description = "member (default) or owner of the group.")
  GroupAccess access;

  /** Whether any {@code --target} was given. */
  boolean given() {
    return !targets.isEmpty();
  }

  /**
   * The targets named: every compact {@code --target}, or the one {@code --target KIND} that the other options
   * describe.
   *
   * @throws CliInputException when no target was given, the forms are mixed, or an option is missing or misplaced
   */
  List<ElevationTarget> targets() {
    TargetChoice choice = TargetChoice.of(this);
    return choice.singleKind().map(k -> List.of(single(k))).orElse(choice.targets());
  }

  /**
   * The one target named.
   *
   * @throws CliInputException as {@link #targets()} does, and when several were named
   */
  ElevationTarget one() {
    List<ElevationTarget> all = targets();
    if (all.size() != 1) {
      throw new CliInputException("--target", "This command takes one target.", "Pass one --target.");
    }
    return all.get(0);
  }

  /** The target of a {@code --target KIND}, from {@code --role/--scope/--group/--access}. */
  ElevationTarget single(TargetKind kind) {
    switch (kind) {
      case AZURE_ROLE:
        forbid(group, "--group", "azure-role");
        return new ElevationTarget.AzureRole(RoleRef.parse(require(kind, role, "--role", "a role, e.g. --role \"Key Vault Secrets Officer\"")),
            ArmScope.parse(require(kind, scope, "--scope", "an ARM scope, e.g. --scope /subscriptions/{id}/resourceGroups/{name}")));
      case DIRECTORY_ROLE:
        forbid(group, "--group", "directory-role");
        return new ElevationTarget.DirectoryRole(RoleRef.parse(require(kind, role, "--role", "a role, e.g. --role \"User Administrator\"")),
            DirectoryScope.parse(scope));
      default:
        forbid(role, "--role", "group");
        forbid(scope, "--scope", "group");
        return new ElevationTarget.Group(GroupRef.parse(require(kind, group, "--group", "a group, e.g. --group grp-prod-admins")), access);
    }
  }

  private static String require(TargetKind kind, String value, String option, String what) {
    if (value == null || value.isBlank()) {
      throw new CliInputException(option, "The " + kind.optionValue() + " target needs " + option + ".", "Pass " + what + ".");
    }
    return value;
  }

  private static void forbid(String value, String option, String kind) {
    if (value != null) {
      throw new CliInputException(option, option + " does not apply to the " + kind + " target.",
          "Remove it, or choose the target it belongs to.");
    }
  }
}
