package dev.jitelevate.core;

/**
 * How the lifecycle asks the runner to step a person up when PIM refuses an activation for want of an
 * authentication context: the runner signs the same person in once more with the claims challenge (one more
 * interactive sign-in at most, same account and token cache) and hands back credentials whose tokens carry
 * the claims. The lifecycle then retries the refused request once. Without a step-up the refusal is reported
 * naming the rule. Never called for a broker: an application cannot satisfy an authentication context.
 */
@FunctionalInterface
public interface StepUp {

  /**
   * Signs the person in again for the challenge.
   *
   * @param challenge the claims to ask the identity platform for
   * @return credentials whose tokens carry the claims
   * @throws ElevationException when the sign-in fails or is abandoned
   */
  CredentialSource stepUp(ClaimsChallenge challenge);
}
