package dev.jitelevate.core.internal.gateway.arm;

import dev.jitelevate.core.PolicyViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns ARM's {@code RoleAssignmentRequestPolicyValidationFailed} ("The following policy rules failed:
 * ["ExpirationRule","JustificationRule"]") into a {@link PolicyViolationException} naming the rules and the fix.
 */
final class PolicyRuleFailure {
  private static final Pattern RULE = Pattern.compile("\"?([A-Za-z]+Rule)\"?");

  private PolicyRuleFailure() {}

  static PolicyViolationException from(ArmFailures.ArmError error, Throwable cause) {
    List<String> rules = rules(error.message());
    String rule = rules.isEmpty() ? "PolicyRule" : String.join(", ", rules);
    String problem = "The role's PIM policy refused " + error.operation() + ": "
        + (rules.isEmpty() ? error.message() : "the rule" + (rules.size() > 1 ? "s " : " ") + rule + " failed") + ".";
    return new PolicyViolationException(rule, problem, fix(rules), error.code(), error.requestId(), error.status(),
        cause);
  }

  /** The rule names in ARM's message, in order. */
  static List<String> rules(String message) {
    List<String> found = new ArrayList<>();
    if (message == null) {
      return found;
    }
    Matcher m = RULE.matcher(message);
    while (m.find()) {
      if (!found.contains(m.group(1))) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static String fix(List<String> rules) {
    List<String> fixes = new ArrayList<>();
    for (String rule : rules) {
      fixes.add(switch (rule) {
        case "ExpirationRule" -> "Ask for a shorter duration, within the policy's maximum.";
        case "JustificationRule" -> "Give a justification.";
        case "TicketingRule" -> "Pass a ticket number and a ticket system.";
        case "MfaRule" -> "Sign in with multi-factor authentication.";
        case "EligibilityRule" -> "Ask an administrator for an eligible assignment covering the scope, or use the broker strategy.";
        case "ApprovalRule" -> "Ask an approver, or have the policy's approval settings checked.";
        default -> "Check the role's PIM policy settings for " + rule + ".";
      });
    }
    return fixes.isEmpty() ? "Check the role's PIM policy settings." : String.join(" ", fixes);
  }
}
