package dev.jitelevate.pimconfig;

import java.util.Locale;

/** What PIM for Groups grants: membership of the group, or ownership of it. */
public enum GroupAccess {
  MEMBER,
  OWNER;

  /** The file's and Graph's spelling: {@code member} or {@code owner}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static GroupAccess fromFile(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
