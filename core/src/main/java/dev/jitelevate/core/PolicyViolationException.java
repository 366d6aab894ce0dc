package dev.jitelevate.core;

/**
 * A PIM policy rule refuses the request ({@code ExpirationRule}, {@code JustificationRule},
 * {@code TicketingRule}, {@code MfaRule} ...): names the rule and what to change.
 */
public class PolicyViolationException extends ElevationException {
  private final String rule;
  private final String fix;

  /** A violation found before anything was submitted. */
  public PolicyViolationException(String rule, String problem, String fix) {
    this(rule, problem, fix, null, null, 0, null);
  }

  /** A violation the service reported, keeping its error code and request id. */
  public PolicyViolationException(String rule, String problem, String fix, String azureErrorCode,
      String azureRequestId, int httpStatus, Throwable cause) {
    super(FailureKind.POLICY_VIOLATION, problem + " (" + rule + ") " + fix, azureErrorCode, azureRequestId,
        httpStatus, cause);
    this.rule = rule;
    this.fix = fix;
  }

  /** The policy rule at fault, e.g. {@code ExpirationRule}. */
  public String rule() {
    return rule;
  }

  /** What to change. */
  public String fix() {
    return fix;
  }
}
