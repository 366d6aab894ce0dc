package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.AuthContextRule;
import java.util.Optional;
import java.util.Set;

/**
 * What a user token request's {@code claims} parameter asks for in authentication contexts ({@code acrs}), and
 * whether the grant can give it: an interactive sign-in (device code) completes any step-up the person is asked
 * for; a refresh token gives only the contexts its sign-in already satisfied; the password grant (no person in
 * the loop) none. A refresh adds the contexts its sign-in satisfied even unasked, as Conditional Access's
 * "opportunistic evaluation" does for resources that opted in to {@code acrs}. A grant that cannot is refused as Entra refuses it, {@code invalid_grant} with
 * {@code AADSTS50076}, which MSAL reports as "interaction required" so the client signs the person in again.
 * App tokens never carry {@code acrs}: Conditional Access authentication contexts apply to users.
 */
final class StepUpClaims {
  private StepUpClaims() {}

  /** The contexts the request asks for (empty without a {@code claims} parameter or without {@code acrs}). */
  static Set<String> requested(FormBody form) {
    return AuthContextRule.requested(form.get("claims").orElse(null));
  }

  /** The refusal when the grant's sign-in did not satisfy every requested context, else empty. */
  static Optional<OAuthError> unsatisfied(Set<String> requested, Set<String> satisfied, String audience) {
    if (satisfied.containsAll(requested)) {
      return Optional.empty();
    }
    return Optional.of(new OAuthError(400, "invalid_grant", 50076, "Due to a configuration change made by your "
        + "administrator, or because you moved to a new location, you must use multi-factor authentication to access '"
        + audience + "'."));
  }
}
