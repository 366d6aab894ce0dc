package dev.jitelevate.core;

import java.util.Locale;

/** PIM for Groups access: membership or ownership ({@code accessId}). */
public enum GroupAccess {
  MEMBER, OWNER;

  /** The Graph wire value: {@code member} or {@code owner}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static GroupAccess parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.equals("member")) return MEMBER;
    if (t.equals("owner")) return OWNER;
    throw new InvalidElevationRequestException("access", "'" + Text.printable(text) + "' is not a group access.", "Use member or owner.");
  }
}
