package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;

/**
 * The GitHub Actions job the emulator's OIDC issuer pretends to run in; its values become the ID token's claims.
 *
 * @param requestToken the {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN} the OIDC endpoint accepts
 * @param repository {@code owner/name}
 * @param ref e.g. {@code refs/heads/main}, {@code refs/tags/v1}, {@code refs/pull/7/merge}
 * @param sha the commit
 * @param eventName e.g. {@code push}, {@code pull_request}, {@code workflow_dispatch}
 * @param environment the deployment environment, or null
 * @param actor who triggered the run
 * @param runId the run id
 * @param runAttempt the attempt number
 * @param workflow the workflow's name (its file is {@code .github/workflows/{workflow}.yml})
 * @param headRef the pull request's head branch, or null
 * @param baseRef the pull request's base branch, or null
 * @param fork true when a pull request comes from a fork (GitHub then grants no ID token)
 */
public record GitHubContext(
    String requestToken,
    String repository,
    String ref,
    String sha,
    String eventName,
    String environment,
    String actor,
    String runId,
    String runAttempt,
    String workflow,
    String headRef,
    String baseRef,
    boolean fork) {

  public GitHubContext {
    if (repository == null || !repository.matches("[^/\\s]+/[^/\\s]+")) {
      throw new IllegalArgumentException("The GitHub repository must look like owner/name, not '" + repository + "'");
    }
    if (requestToken == null || requestToken.isBlank()) {
      throw new IllegalArgumentException("The GitHub OIDC request token must not be blank");
    }
  }

  /** Names the job without the request token (a secret). */
  @Override
  public String toString() {
    return "GitHubContext[" + subject() + ", event=" + eventName + ", sha=" + sha + ", run=" + runId + "/" + runAttempt
        + ", requestToken=***]";
  }

  /** The repository's owner. */
  public String owner() {
    return repository.substring(0, repository.indexOf('/'));
  }

  /** The {@code sub} claim GitHub issues for this job with the default subject template. */
  public String subject() {
    String prefix = "repo:" + repository + ":";
    if (environment != null && !environment.isBlank()) {
      return prefix + "environment:" + environment;
    }
    if ("pull_request".equals(eventName) || "pull_request_target".equals(eventName)) {
      return prefix + "pull_request";
    }
    return prefix + "ref:" + ref;
  }

  /** Reads the scenario's {@code github} section; absent fields get demo-like defaults. */
  static GitHubContext from(JsonNode section) {
    return new GitHubContext(
        text(section, "requestToken", "emulator-oidc-request-token"),
        text(section, "repository", "contoso/payments"),
        text(section, "ref", "refs/heads/main"),
        text(section, "sha", "3d5f0c1b2a4e6f8091a2b3c4d5e6f708192a3b4c"),
        text(section, "eventName", "push"),
        Json.text(section, "environment"),
        text(section, "actor", "octocat"),
        text(section, "runId", "1234567890"),
        text(section, "runAttempt", "1"),
        text(section, "workflow", "deploy"),
        Json.text(section, "headRef"),
        Json.text(section, "baseRef"),
        section.path("fork").asBoolean(false));
  }

  public GitHubContext withRepository(String value) {
    return new GitHubContext(requestToken, value, ref, sha, eventName, environment, actor, runId, runAttempt, workflow, headRef, baseRef, fork);
  }

  public GitHubContext withRef(String value) {
    return new GitHubContext(requestToken, repository, value, sha, eventName, environment, actor, runId, runAttempt, workflow, headRef, baseRef, fork);
  }

  public GitHubContext withSha(String value) {
    return new GitHubContext(requestToken, repository, ref, value, eventName, environment, actor, runId, runAttempt, workflow, headRef, baseRef, fork);
  }

  public GitHubContext withEventName(String value) {
    return new GitHubContext(requestToken, repository, ref, sha, value, environment, actor, runId, runAttempt, workflow, headRef, baseRef, fork);
  }

  public GitHubContext withEnvironment(String value) {
    return new GitHubContext(requestToken, repository, ref, sha, eventName, value, actor, runId, runAttempt, workflow, headRef, baseRef, fork);
  }

  public GitHubContext withActor(String value) {
    return new GitHubContext(requestToken, repository, ref, sha, eventName, environment, value, runId, runAttempt, workflow, headRef, baseRef, fork);
  }

  public GitHubContext withRun(String id, String attempt) {
    return new GitHubContext(requestToken, repository, ref, sha, eventName, environment, actor, id, attempt, workflow, headRef, baseRef, fork);
  }

  public GitHubContext withWorkflow(String value) {
    return new GitHubContext(requestToken, repository, ref, sha, eventName, environment, actor, runId, runAttempt, value, headRef, baseRef, fork);
  }

  /** A pull_request run from {@code head} into {@code base}, from a fork or not. */
  public GitHubContext withPullRequest(int number, String head, String base, boolean fromFork) {
    return new GitHubContext(requestToken, repository, "refs/pull/" + number + "/merge", sha, "pull_request",
        environment, actor, runId, runAttempt, workflow, head, base, fromFork);
  }

  private static String text(JsonNode node, String field, String fallback) {
    String value = Json.text(node, field);
    return value == null ? fallback : value;
  }
}
