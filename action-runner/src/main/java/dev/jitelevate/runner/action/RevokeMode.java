package dev.jitelevate.runner.action;

import dev.jitelevate.core.Strategy;
import java.util.Locale;

/** When the action takes the elevation away. */
enum RevokeMode {
  /** In the post step, at the end of the job, even when the job failed (the default). */
  POST,
  /** In the main step, right after the operation. */
  AFTER_OPERATION,
  /** Never: the server-side expiry ends it; the record says when. */
  EXPIRE;

  static RevokeMode parse(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "post": return POST;
      case "after-operation": return AFTER_OPERATION;
      case "expire": return EXPIRE;
      default:
        throw ActionFailure.input("revoke", "'" + UntrustedText.neutralize(text, 40)
            + "' is not a revoke mode. Use post, after-operation or expire.");
    }
  }

  /**
   * The mode for a strategy: rbac creates plain role assignments, which have no server-side expiry, so
   * {@code expire} would leave one for good.
   *
   * @throws ActionFailure naming the {@code revoke} input when the mode cannot end that strategy's access
   */
  static RevokeMode parse(String text, Strategy strategy) {
    RevokeMode mode = parse(text);
    if (mode == EXPIRE && strategy == Strategy.RBAC) {
      throw ActionFailure.input("revoke", "'expire' cannot end an rbac elevation: a plain role assignment has no "
          + "server-side expiry and would stay for good. Use revoke: post (or after-operation), or strategy: broker.");
    }
    return mode;
  }

  String wireValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
