package dev.jitelevate.runner.broker;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The GitHub ID token claims a broker policy may match; anything else in a policy file is refused. */
public enum ClaimName {
  REPOSITORY("repository"),
  REPOSITORY_OWNER("repository_owner"),
  REF("ref"),
  REF_PROTECTED("ref_protected"),
  ENVIRONMENT("environment"),
  EVENT_NAME("event_name"),
  JOB_WORKFLOW_REF("job_workflow_ref"),
  ACTOR("actor");

  private final String claim;

  ClaimName(String claim) {
    this.claim = claim;
  }

  /** The claim's name in the token and the policy file. */
  public String claim() {
    return claim;
  }

  /** The claim of that name, or empty when a policy may not match it. */
  public static Optional<ClaimName> of(String name) {
    return Arrays.stream(values()).filter(c -> c.claim.equals(name)).findFirst();
  }

  /** The names, comma-separated, for error messages. */
  static String known() {
    return Arrays.stream(values()).map(ClaimName::claim).collect(Collectors.joining(", "));
  }
}
