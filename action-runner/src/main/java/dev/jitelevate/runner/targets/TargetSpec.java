package dev.jitelevate.runner.targets;

import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.DirectoryScope;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.GroupRef;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.RoleRef;
import java.util.Locale;

/**
 * The compact syntax of one target, shared by the CLI's repeatable {@code --target}, the action's {@code targets}
 * input and the sets file:
 * <ul>
 *   <li>{@code azure-role:ROLE@SCOPE}, e.g. {@code azure-role:Contributor@/subscriptions/{id}/resourceGroups/rg-app};</li>
 *   <li>{@code directory-role:ROLE} or {@code directory-role:ROLE@/administrativeUnits/{id}};</li>
 *   <li>{@code group:GROUP} (membership) or {@code group:member@GROUP} / {@code group:owner@GROUP}.</li>
 * </ul>
 * A role or group is its display name or its id.
 */
public final class TargetSpec {
  /** What a person reads when a target is wrong. */
  public static final String SYNTAX = "azure-role:ROLE@SCOPE, directory-role:ROLE[@/administrativeUnits/ID] or "
      + "group:[member@|owner@]GROUP";

  private TargetSpec() {}

  /** Whether the text is in the compact syntax (has a kind and a colon), not a bare kind. */
  public static boolean isCompact(String text) {
    return text != null && text.indexOf(':') > 0;
  }

  /**
   * Parses one target.
   *
   * @throws InvalidElevationRequestException naming the target, what is wrong and the syntax
   */
  public static ElevationTarget parse(String text) {
    String t = text == null ? "" : text.strip();
    int colon = t.indexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw invalid(t, "it has no kind and value");
    }
    String kind = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String value = t.substring(colon + 1).strip();
    int at = value.indexOf('@');
    String before = at < 0 ? value : value.substring(0, at).strip();
    String after = at < 0 ? "" : value.substring(at + 1).strip();
    switch (kind) {
      case "azure-role":
        if (at < 0 || before.isEmpty() || after.isEmpty()) {
          throw invalid(t, "an Azure role needs ROLE@SCOPE");
        }
        return new ElevationTarget.AzureRole(RoleRef.parse(before), ArmScope.parse(after));
      case "directory-role":
        if (before.isEmpty()) {
          throw invalid(t, "a directory role needs its name or id");
        }
        return new ElevationTarget.DirectoryRole(RoleRef.parse(before), DirectoryScope.parse(after));
      case "group":
        if (at < 0) {
          return group(t, value, GroupAccess.MEMBER);
        }
        return group(t, after, GroupAccess.parse(before));
      default:
        throw invalid(t, "'" + printable(kind) + "' is not a kind of target");
    }
  }

  private static ElevationTarget group(String text, String group, GroupAccess access) {
    if (group.isEmpty()) {
      throw invalid(text, "a group needs its name or id");
    }
    return new ElevationTarget.Group(GroupRef.parse(group), access);
  }

  /** The text without control characters, so a message cannot be forged with line breaks or escapes. */
  static String printable(String text) {
    return text.codePoints().filter(cp -> !Character.isISOControl(cp))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  private static InvalidElevationRequestException invalid(String text, String why) {
    return new InvalidElevationRequestException("target", "The target '" + printable(text) + "' cannot be read: "
        + why + ".", "Write it as " + SYNTAX + ".");
  }
}
