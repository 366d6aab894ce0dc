package dev.jitelevate.core;

import java.util.Locale;

/** How the elevation is obtained. */
public enum Strategy {
  /** PIM SelfActivate/SelfDeactivate of an eligible principal (people). */
  SELF,
  /** A broker identity performs PIM AdminAssign of a time-bound active assignment and AdminRemove after (CI identities). */
  BROKER,
  /** A plain role assignment marked with its expiry, deleted after; for tenants without PIM (Azure roles only). */
  RBAC;

  public static Strategy parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (Strategy s : values()) {
      if (s.name().equals(t)) return s;
    }
    throw new InvalidElevationRequestException("strategy", "'" + Text.printable(text) + "' is not a strategy.", "Use broker, self or rbac.");
  }

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
