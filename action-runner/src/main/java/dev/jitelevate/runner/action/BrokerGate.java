package dev.jitelevate.runner.action;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.runner.broker.BrokerPolicy;
import dev.jitelevate.runner.broker.Decision;
import dev.jitelevate.runner.broker.GrantRequest;
import dev.jitelevate.runner.broker.IssuerKeys;
import dev.jitelevate.runner.broker.PolicyException;
import dev.jitelevate.runner.broker.PolicyGate;
import dev.jitelevate.runner.broker.TokenVerificationException;
import dev.jitelevate.runner.broker.TokenVerifier;
import dev.jitelevate.runner.broker.VerifiedClaims;
import dev.jitelevate.runner.cli.TargetKind;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The grant job's policy check: reads the broker policy ({@code broker-policy}), verifies this job's GitHub ID
 * token against the issuer's keys and decides the request on its verified claims, before any sign-in.
 */
final class BrokerGate {
  static final String DEFAULT_JWKS = IssuerKeys.GITHUB_ISSUER + "/.well-known/jwks";

  private BrokerGate() {}

  /**
   * Decides the request; a denial or a failed verification ends the step.
   *
   * @throws ActionFailure naming the rule (denied, exit 3), the failed check (exit 5) or the policy line (exit 2)
   */
  static Passed check(ActionEnvironment env, StepContext ctx, ElevationRequest request, String idToken,
      OkHttpClient http) {
    Path file = env.workspace().resolve(env.input("broker-policy").orElseThrow(() -> ActionFailure.input(
        "broker-policy", "mode: grant needs the broker policy: pass broker-policy, the path of the policy file"
            + " (YAML) in the broker's repository checkout."))).normalize();
    BrokerPolicy policy;
    try {
      policy = BrokerPolicy.load(file);
    } catch (PolicyException e) {
      throw ActionFailure.input("broker-policy", e.getMessage());
    }
    String jwks = env.input("broker-jwks-url").orElse(DEFAULT_JWKS);
    VerifiedClaims claims;
    try {
      claims = new PolicyGate(policy, keys(jwks, http), ctx.clock).verify(idToken);
    } catch (TokenVerificationException e) {
      throw new ActionFailure("ID token not verified", e.getMessage() + " Nothing was requested.",
          ExitCodes.of(FailureKind.AUTHENTICATION));
    }
    Decision decision = policy.decide(claims, grantOf(request));
    if (!decision.allowed()) {
      throw new ActionFailure("Denied by the broker policy", decision.render() + ". Nothing was requested.",
          ExitCodes.of(FailureKind.POLICY_VIOLATION));
    }
    ctx.log.info("Broker policy: " + UntrustedText.neutralize(decision.render(), 600));
    return new Passed(decision, claims);
  }

  /** The policy's decision and the verified claims it was made on. */
  record Passed(Decision decision, VerifiedClaims claims) {}

  /**
   * Verifies this job's ID token (signature against the issuer's keys, GitHub's issuer, the {@code audience}
   * input's audience, lifetime) without a policy: the revoke job's proof of which run and repository it serves.
   *
   * @throws ActionFailure naming the failed check (exit 5)
   */
  static VerifiedClaims verifyOwnToken(ActionEnvironment env, StepContext ctx, String idToken, OkHttpClient http) {
    String jwks = env.input("broker-jwks-url").orElse(DEFAULT_JWKS);
    String audience = env.input("audience").filter(a -> !a.isBlank()).orElse(BrokerPolicy.DEFAULT_AUDIENCE);
    try {
      return new TokenVerifier(keys(jwks, http), IssuerKeys.GITHUB_ISSUER, audience, ctx.clock).verify(idToken);
    } catch (TokenVerificationException e) {
      throw new ActionFailure("ID token not verified", e.getMessage() + " Nothing was revoked.",
          ExitCodes.of(FailureKind.AUTHENTICATION));
    }
  }

  /** The issuer's keys, fetched through the cloud's HTTP client (proxy and trusted CAs as for every call). */
  private static IssuerKeys keys(String jwks, OkHttpClient http) {
    try (Response response = http.newCall(new Request.Builder().url(jwks).get().build()).execute()) {
      if (response.code() != 200 || response.body() == null) {
        return IssuerKeys.unavailable(jwks + " answered HTTP " + response.code() + ".");
      }
      return IssuerKeys.fromJson(response.body().string(), jwks);
    } catch (IOException | IllegalArgumentException e) {
      return IssuerKeys.unavailable(jwks + " cannot be reached (" + e.getMessage() + ").");
    }
  }

  private static GrantRequest grantOf(ElevationRequest request) {
    ElevationTarget target = request.target();
    Optional<String> justification = Optional.of(request.justification());
    Optional<String> ticket = request.ticket().map(t -> t.number());
    if (target instanceof ElevationTarget.AzureRole r) {
      return new GrantRequest(TargetKind.AZURE_ROLE, Optional.of(r.role().describe()), Optional.of(r.scope().toString()),
          Optional.empty(), request.duration(), ticket, justification);
    }
    if (target instanceof ElevationTarget.DirectoryRole r) {
      return new GrantRequest(TargetKind.DIRECTORY_ROLE, Optional.of(r.role().describe()), Optional.of(r.scope().toString()),
          Optional.empty(), request.duration(), ticket, justification);
    }
    ElevationTarget.Group g = (ElevationTarget.Group) target;
    return new GrantRequest(TargetKind.GROUP, Optional.empty(), Optional.empty(), Optional.of(g.group().describe()),
        request.duration(), ticket, justification);
  }

}
