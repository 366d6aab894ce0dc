package dev.jitelevate.runner.broker;

import java.time.Clock;

/**
 * The broker's gate: verifies the caller's GitHub ID token with the policy's issuer and audience, then decides
 * the request on its verified claims. Nothing is requested from Azure before it says yes.
 */
public final class PolicyGate {
  private final BrokerPolicy policy;
  private final IssuerKeys keys;
  private final Clock clock;

  /** A gate for the policy, trusting the issuer keys given. */
  public PolicyGate(BrokerPolicy policy, IssuerKeys keys, Clock clock) {
    this.policy = policy;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Verifies the token and decides the request.
   *
   * @throws TokenVerificationException when the token fails a check (signature, issuer, audience, expiry)
   */
  public Decision decide(String idToken, GrantRequest request) {
    return policy.decide(verify(idToken), request);
  }

  /**
   * Verifies the token with the policy's issuer and audience.
   *
   * @throws TokenVerificationException when the token fails a check (signature, issuer, audience, expiry)
   */
  public VerifiedClaims verify(String idToken) {
    return new TokenVerifier(keys, policy.issuer(), policy.audience(), clock).verify(idToken);
  }

  public BrokerPolicy policy() {
    return policy;
  }
}
