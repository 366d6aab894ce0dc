package dev.jitelevate.core;

import com.azure.core.credential.TokenCredential;
import java.time.Clock;

/**
 * A person's one sign-in for a command ({@link Credentials#deviceCode}): its credentials are views of the same
 * account and token cache, and it steps the person up for an authentication context by signing the same account
 * in once more with the claims challenge ({@link StepUp}).
 */
public final class PersonSignIn implements CredentialSource, StepUp {
  private final TokenCredential person;
  private final Clock clock;

  PersonSignIn(TokenCredential person, Clock clock) {
    this.person = person;
    this.clock = clock;
  }

  @Override
  public TokenCredential newCredential() {
    return new FreshTokens(person, clock);
  }

  /** Credentials whose tokens carry the challenge's claims; the first token asks the person to sign in once more. */
  @Override
  public CredentialSource stepUp(ClaimsChallenge challenge) {
    SteppedUpTokens stepped = new SteppedUpTokens(person, challenge);
    return () -> stepped;
  }
}
