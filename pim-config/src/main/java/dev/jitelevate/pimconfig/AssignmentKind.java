package dev.jitelevate.pimconfig;

import java.util.Locale;

/** Whether an assignment is eligible (activated on demand) or active (held, always time-bound unless permanent). */
public enum AssignmentKind {
  ELIGIBLE,
  ACTIVE;

  /** The file's spelling: {@code eligible} or {@code active}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AssignmentKind fromFile(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
