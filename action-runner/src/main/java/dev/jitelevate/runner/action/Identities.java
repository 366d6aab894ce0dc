package dev.jitelevate.runner.action;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.Strategy;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The credentials of the workload identity and the broker, without stored secrets: GitHub OIDC tokens
 * exchanged through federated credentials, or the runner's managed identity; a broker client secret only
 * from {@value IdentitySettings#BROKER_SECRET_VARIABLE} (self-hosted runners). Signs both in once before
 * anything is requested, so a wrong federated credential fails with an explanation and nothing elevated.
 */
final class Identities {
  private final IdentitySettings settings;
  private final Optional<GitHubOidc> oidc;
  private final CredentialSource identity;
  private final Optional<CredentialSource> broker;
  private final WorkflowLog log;

  private Identities(IdentitySettings settings, Optional<GitHubOidc> oidc, CredentialSource identity,
      Optional<CredentialSource> broker, WorkflowLog log) {
    this.settings = settings;
    this.oidc = oidc;
    this.identity = identity;
    this.broker = broker;
    this.log = log;
  }

  /**
   * Builds the credentials (nothing is sent yet).
   *
   * @throws ActionFailure when the run cannot get an OIDC token, or the strategy needs a broker that is not given
   */
  static Identities create(IdentitySettings s, Strategy strategy, ActionEnvironment env, GitHubEvent event, WorkflowLog log) {
    CloudProfile cloud = s.cloud().cloud();
    if (strategy != Strategy.SELF && s.brokerClientId().isEmpty()) {
      throw ActionFailure.input("broker-client-id", "The " + strategy.wireValue() + " strategy needs the broker"
          + " identity that assigns and removes the role. Pass broker-client-id, or use strategy: self.");
    }
    Optional<GitHubOidc> oidc = Optional.empty();
    CredentialSource identity;
    if (s.credential() == IdentitySettings.CredentialKind.OIDC) {
      GitHubOidc github = GitHubOidc.forJob(env, s, event, log);
      oidc = Optional.of(github);
      identity = Credentials.clientAssertion(cloud, s.tenantId(), s.clientId().orElseThrow(), github::idToken);
    } else {
      identity = Credentials.managedIdentity(cloud, s.clientId());
    }
    Optional<CredentialSource> broker = Optional.empty();
    if (strategy != Strategy.SELF) {
      broker = Optional.of(brokerOf(s, env, log, oidc));
    }
    return new Identities(s, oidc, identity, broker, log);
  }

  /**
   * Only the broker, for its own jobs (mode grant and revoke): it signs in with this job's ID token and is also
   * the identity the lifecycle reads with; the principal it elevates is another one (principal-id).
   */
  static Identities brokerOnly(IdentitySettings s, GitHubOidc oidc, ActionEnvironment env, WorkflowLog log) {
    if (s.brokerClientId().isEmpty()) {
      throw ActionFailure.input("broker-client-id", "The broker's jobs sign in as the broker: pass broker-client-id.");
    }
    CredentialSource broker = brokerOf(s, env, log, Optional.of(oidc));
    return new Identities(s, Optional.of(oidc), broker, Optional.of(broker), log);
  }

  private static CredentialSource brokerOf(IdentitySettings s, ActionEnvironment env, WorkflowLog log,
      Optional<GitHubOidc> oidc) {
    CloudProfile cloud = s.cloud().cloud();
    String brokerId = s.brokerClientId().orElseThrow();
    Optional<String> secret = s.brokerSecretVariable().flatMap(env::raw);
    if (secret.isPresent()) {
      log.mask(secret.get());
      return Credentials.clientSecret(cloud, s.tenantId(), brokerId, secret.get());
    }
    if (oidc.isPresent()) {
      return Credentials.clientAssertion(cloud, s.tenantId(), brokerId, oidc.get()::idToken);
    }
    return Credentials.managedIdentity(cloud, Optional.of(brokerId));
  }

  /** A Java class name before a message ({@code com.azure.…Exception: }): never shown to the user. */
  private static final java.util.regex.Pattern JAVA_CLASS_PREFIX =
      java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Failure): ");

  /** The action's own failure (the ID token supplier's) inside an SDK exception, when there is one. */
  private static Optional<ActionFailure> ownFailureIn(Throwable e) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable c = e; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof ActionFailure f) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  CredentialSource identity() {
    return identity;
  }

  Optional<CredentialSource> broker() {
    return broker;
  }

  /**
   * Signs the identity and the broker in once, at the same time, masking the tokens; the GitHub ID token they
   * exchange is requested first, while their credentials are built.
   *
   * @throws ActionFailure explaining the sign-in failure (which subject was presented, which app is unknown)
   */
  void preflight() {
    oidc.ifPresent(GitHubOidc::prefetch);
    if (broker.filter(b -> b == identity).isPresent()) {
      signIn(identity, "broker-client-id", settings.brokerClientId().orElseThrow());
      return;
    }
    if (broker.isEmpty()) {
      signIn(identity, "client-id", settings.clientId().orElse("the managed identity"));
      return;
    }
    // Both at once: two round trips to Entra overlap. When both fail, the identity's failure is the one reported.
    CompletableFuture<Void> brokerSignIn = CompletableFuture.runAsync(
        () -> signIn(broker.get(), "broker-client-id", settings.brokerClientId().orElseThrow()),
        OwnThread.named("jit-elevate-broker-sign-in"));
    RuntimeException identityFailure = null;
    try {
      signIn(identity, "client-id", settings.clientId().orElse("the managed identity"));
    } catch (RuntimeException e) {
      identityFailure = e;
    }
    try {
      OwnThread.join(brokerSignIn);
    } catch (RuntimeException e) {
      if (identityFailure == null) {
        throw e;
      }
    }
    if (identityFailure != null) {
      throw identityFailure;
    }
  }

  private void signIn(CredentialSource source, String input, String clientId) {
    String audience = settings.cloud().cloud().resourceManagerAudience();
    String scope = (audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience) + "/.default";
    try {
      AccessToken token = source.newCredential().getTokenSync(new TokenRequestContext().addScopes(scope));
      log.mask(token.getToken());
    } catch (ActionFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw explain(e, input, clientId);
    }
  }

  /** Turns a sign-in failure into what to fix. */
  ActionFailure explain(Throwable e, String input, String clientId) {
    Optional<ActionFailure> ours = ownFailureIn(e).or(() -> oidc.flatMap(GitHubOidc::lastFailure));
    if (ours.isPresent()) {
      // The sign-in never reached Entra: getting the GitHub ID token failed, and that failure says what to fix.
      return ours.get();
    }
    String message = JAVA_CLASS_PREFIX.matcher(log.redact(String.valueOf(e.getMessage()))).replaceAll("");
    String app = "the app " + clientId + " (" + input + ")";
    if (message.contains("AADSTS70021")) {
      String subject = oidc.flatMap(GitHubOidc::lastSubject).map(s -> "'" + UntrustedText.neutralize(s, 200) + "'")
          .orElse("(unknown)");
      return ActionFailure.authentication("No federated credential matches this run", "Entra ID has no federated"
          + " credential on " + app + " for the subject " + subject + " (issuer https://token.actions.githubusercontent.com,"
          + " audience " + settings.audience() + "). Add a federated credential with exactly this subject to the app"
          + " registration, or run the job on the branch or in the environment an existing credential names (AADSTS70021).");
    }
    if (message.contains("AADSTS700016")) {
      return ActionFailure.authentication("Unknown application", "Entra ID does not know " + app + " in tenant "
          + settings.tenantId() + ". Check the client id and tenant-id (AADSTS700016).");
    }
    if (message.contains("AADSTS7000215")) {
      return ActionFailure.authentication("Invalid broker secret", "Entra ID refused the client secret in "
          + IdentitySettings.BROKER_SECRET_VARIABLE + " for " + app + ". Set a current secret (AADSTS7000215).");
    }
    String first = UntrustedText.neutralize(message.lines().findFirst().orElse(""), 300);
    return ActionFailure.authentication("Sign-in failed", "Signing in " + app + " failed: " + first
        + " Check client-id, tenant-id and the app's federated credentials.");
  }
}
