package dev.jitelevate.runner.action;

import java.util.Locale;

/**
 * What the action's main step does: {@code job} elevates the job's own identity (broker in the same job),
 * {@code grant} and {@code revoke} are the broker's jobs of the hardened pattern (docs/security-model.md).
 */
enum ActionMode {
  JOB, GRANT, REVOKE;

  static ActionMode parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (ActionMode m : values()) {
      if (m.name().equals(t)) {
        return m;
      }
    }
    throw ActionFailure.input("mode", "'" + UntrustedText.neutralize(String.valueOf(text), 40)
        + "' is not a mode. Use job (elevate this job's identity), grant or revoke (the broker's jobs of the"
        + " hardened pattern).");
  }
}
