package dev.jitelevate.runner.action;

import java.util.Locale;
import java.util.Optional;

/**
 * What happens when {@code ticket-pattern} finds no ticket (it matched nothing, or it timed out on the event's
 * text): input {@code on-missing-ticket}. Either way the user sees it; it is never silent.
 */
enum MissingTicket {
  /** A {@code ::warning::} naming the pattern, and the request goes without a ticket (the default). */
  WARN,
  /** A bad-input error naming {@code ticket-pattern} (exit 2) before anything is sent. */
  FAIL;

  /**
   * Reads {@code on-missing-ticket}.
   *
   * @throws ActionFailure naming the input when it is neither warn nor fail
   */
  static MissingTicket parse(Optional<String> text) {
    switch (text.orElse("warn").strip().toLowerCase(Locale.ROOT)) {
      case "warn": return WARN;
      case "fail": return FAIL;
      default:
        throw ActionFailure.input("on-missing-ticket", "'" + UntrustedText.neutralize(text.orElse(""), 40)
            + "' is not a choice. Use warn (go without a ticket, with a warning) or fail.");
    }
  }

  /**
   * Reports why the pattern found no ticket.
   *
   * @throws ActionFailure naming {@code ticket-pattern} under {@link #FAIL}
   */
  void report(String why, WorkflowLog log) {
    String fix = " Put the ticket (e.g. OPS-123) in the PR title, the branch name or the commit title, fix the pattern,"
        + " or pass ticket-number.";
    if (this == FAIL) {
      throw ActionFailure.input("ticket-pattern", why + "." + fix);
    }
    log.warning("No ticket found", UntrustedText.neutralize(why, 400) + "; the request goes without a ticket." + fix
        + " (on-missing-ticket: fail makes this an error.)");
  }
}
