package dev.jitelevate.runner.action;

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

  String wireValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
