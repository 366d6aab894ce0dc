package dev.jitelevate.runner.broker;

import java.util.Optional;

/**
 * The policy's answer to a request: allowed or denied, the rule that decided (empty for the default deny with
 * no rule matching the token) and why, in one line.
 */
public record Decision(boolean allowed, Optional<String> rule, String reason) {
  static Decision allow(String rule, String reason) {
    return new Decision(true, Optional.of(rule), reason);
  }

  static Decision deny(Optional<String> rule, String reason) {
    return new Decision(false, rule, reason);
  }

  /** {@code ALLOWED by rule 'x': …} or {@code DENIED by rule 'x': …} or {@code DENIED (default deny): …}. */
  public String render() {
    return (allowed ? "ALLOWED" : "DENIED") + rule.map(r -> " by rule '" + r + "'").orElse(" (default deny)")
        + ": " + reason;
  }
}
