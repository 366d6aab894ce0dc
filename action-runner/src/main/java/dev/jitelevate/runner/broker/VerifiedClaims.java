package dev.jitelevate.runner.broker;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a GitHub ID token whose signature, issuer, audience and lifetime were verified. Only
 * {@link TokenVerifier} makes them (and tests in this package), so a policy is never evaluated on unverified
 * input such as environment variables.
 */
public final class VerifiedClaims {
  private final Map<ClaimName, String> values;
  private final String subject;
  private final Optional<String> runId;

  VerifiedClaims(Map<ClaimName, String> values, String subject) {
    this(values, subject, null);
  }

  VerifiedClaims(Map<ClaimName, String> values, String subject, String runId) {
    this.values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    this.subject = subject;
    this.runId = Optional.ofNullable(runId).filter(r -> !r.isBlank());
  }

  /** The token's {@code run_id}: the workflow run it was minted in (the same for every job and attempt of the run). */
  public Optional<String> runId() {
    return runId;
  }

  /** The claim's value, or empty when the token does not carry it (e.g. {@code environment}). */
  public Optional<String> get(ClaimName claim) {
    return Optional.ofNullable(values.get(claim));
  }

  /** The token's {@code sub}. */
  public String subject() {
    return subject;
  }

  @Override
  public String toString() {
    return "VerifiedClaims" + values;
  }
}
