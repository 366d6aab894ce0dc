package dev.jitelevate.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A role named by its definition id (a GUID, or a full ARM role definition id) or by its display name,
 * which the resolve step turns into an id ({@code Key Vault Secrets Officer}, {@code User Administrator}).
 */
public record RoleRef(Optional<String> id, Optional<String> displayName) {
  /** What may precede {@code /roleDefinitions/{guid}} in a full id: nothing, or a subscription or group's provider path. */
  private static final java.util.regex.Pattern DEFINITION_PARENT = java.util.regex.Pattern.compile(
      "^(/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[A-Za-z0-9._()~-]+)?"
          + "|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()~-]+)?/providers/Microsoft\\.Authorization$",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  private static final int MAX_NAME = 256;

  public RoleRef {
    if (id.isPresent() == displayName.isPresent()) {
      throw new IllegalArgumentException("A role is named by exactly one of id or display name");
    }
    if (id.isPresent() && !PrincipalId.isGuid(id.get())) {
      throw new InvalidElevationRequestException("role", "'" + Text.printable(id.get()) + "' is not a role definition id.",
          "Pass the role definition's GUID, or its full id ending in /roleDefinitions/{guid}.");
    }
    displayName.filter(RoleRef::badName).ifPresent(name -> {
      throw new InvalidElevationRequestException("role", "'" + Text.printable(name) + "' is not a role name.",
          "Pass the role's display name as shown in the portal, or its definition id.");
    });
  }

  private static boolean badName(String name) {
    return name.isBlank() || name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)
        || name.toLowerCase(Locale.ROOT).contains("/roledefinitions/");
  }

  /**
   * Reads a role as the user typed it: a GUID or a {@code .../roleDefinitions/{guid}} id is an id, anything
   * else a display name.
   *
   * @throws InvalidElevationRequestException when it is blank, too long, or contains control characters
   */
  public static RoleRef parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new InvalidElevationRequestException("role", "No role was given.",
          "Pass the role's display name (e.g. \"Key Vault Secrets Officer\") or its definition id.");
    }
    boolean controls = text.codePoints().anyMatch(Character::isISOControl);
    int slash = t.toLowerCase(Locale.ROOT).lastIndexOf("/roledefinitions/");
    String tail = slash >= 0 ? t.substring(slash + "/roledefinitions/".length()) : t;
    if (!controls && PrincipalId.isGuid(tail) && (slash < 0 || DEFINITION_PARENT.matcher(t.substring(0, slash)).matches())) {
      return new RoleRef(Optional.of(tail.toLowerCase(Locale.ROOT)), Optional.empty());
    }
    if (t.length() > MAX_NAME || controls || slash >= 0) {
      throw new InvalidElevationRequestException("role", "'" + Text.printable(t) + "' is not a role name.",
          "Pass the role's display name as shown in the portal, or its definition id.");
    }
    return new RoleRef(Optional.empty(), Optional.of(t));
  }

  /** Returns the text as given (id or name) for messages. */
  public String describe() {
    return id.orElseGet(displayName::get);
  }
}
