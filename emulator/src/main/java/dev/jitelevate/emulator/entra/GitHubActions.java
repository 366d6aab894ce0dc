package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The emulated GitHub Actions OIDC issuer: the current job context, the request URL and token a workflow
 * step would see, and the ID tokens (signed with a key only the emulator's Entra trusts).
 */
public final class GitHubActions {
  public static final String ISSUER = "https://token.actions.githubusercontent.com";
  private final EmulatorContext context;
  private final SigningKey key;
  private final AtomicReference<GitHubContext> current = new AtomicReference<>();
  private final AtomicReference<OidcCustomization> customization = new AtomicReference<>(OidcCustomization.none());

  GitHubActions(EmulatorContext context, GitHubContext initial) {
    this.context = context;
    this.key = SigningKey.generate(context, "github");
    this.current.set(initial);
  }

  /** The job context ID tokens are issued for now. */
  public GitHubContext context() {
    return current.get();
  }

  /** Replaces the job context. */
  public GitHubActions context(GitHubContext updated) {
    current.set(Objects.requireNonNull(updated, "context"));
    return this;
  }

  /** Changes the job context, e.g. {@code update(c -> c.withEnvironment("production"))}. */
  public GitHubActions update(UnaryOperator<GitHubContext> change) {
    current.updateAndGet(change);
    return this;
  }

  /** The reusable-workflow claims and subject template in force. */
  public OidcCustomization customization() {
    return customization.get();
  }

  /** Changes the reusable-workflow claims or the subject template, e.g. {@code customize(c -> c.withSubjectClaims(…))}. */
  public GitHubActions customize(UnaryOperator<OidcCustomization> change) {
    customization.updateAndGet(change);
    return this;
  }

  /** The {@code ACTIONS_ID_TOKEN_REQUEST_URL} a step would see. */
  public String oidcRequestUrl() {
    return context.baseUrl() + "_github/oidc/token?api-version=2.0";
  }

  /** The {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN} a step would see. */
  public String oidcRequestToken() {
    return current.get().requestToken();
  }

  /** Issues an ID token for the current job, as the OIDC endpoint does. */
  public String idToken(String audience) {
    GitHubContext job = current.get();
    String aud = audience == null || audience.isBlank() ? "https://github.com/" + job.owner() : audience;
    long now = context.clock().now().getEpochSecond();
    String workflowRef = job.repository() + "/.github/workflows/" + job.workflow() + ".yml@" + job.ref();
    OidcCustomization custom = customization.get();
    ObjectNode claims = Json.object()
        .put("jti", UUID.randomUUID().toString()).put("aud", aud)
        .put("ref", job.ref()).put("sha", job.sha()).put("repository", job.repository())
        .put("repository_owner", job.owner())
        .put("repository_owner_id", stableId(job.owner())).put("repository_id", stableId(job.repository()))
        .put("repository_visibility", "private").put("run_id", job.runId()).put("run_number", job.runId())
        .put("run_attempt", job.runAttempt()).put("actor", job.actor()).put("actor_id", stableId(job.actor()))
        .put("workflow", job.workflow()).put("workflow_ref", workflowRef)
        .put("job_workflow_ref", custom.jobWorkflowRef().orElse(workflowRef))
        .put("job_workflow_sha", custom.jobWorkflowSha().orElse(job.sha()))
        .put("event_name", job.eventName()).put("ref_type", job.ref().startsWith("refs/tags/") ? "tag" : "branch")
        .put("ref_protected", job.ref().equals("refs/heads/main") ? "true" : "false")
        .put("head_ref", job.headRef() == null ? "" : job.headRef())
        .put("base_ref", job.baseRef() == null ? "" : job.baseRef())
        .put("runner_environment", "github-hosted").put("iss", ISSUER)
        .put("nbf", now - 5).put("iat", now).put("exp", now + 300);
    if (job.environment() != null && !job.environment().isBlank()) {
      claims.put("environment", job.environment());
    }
    claims.put("sub", custom.subject(job, claims));
    return key.sign(claims);
  }

  /** Whether the token was signed by this issuer's key. */
  boolean signedHere(Jwt jwt) {
    return key.verifies(jwt);
  }

  SigningKey key() {
    return key;
  }

  private static String stableId(String name) {
    return Long.toString(Math.abs((long) UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits() % 1_000_000_000L) + 1);
  }
}
