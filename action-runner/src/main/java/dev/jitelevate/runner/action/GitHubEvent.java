package dev.jitelevate.runner.action;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.runner.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the triggering event says about the change, from {@code GITHUB_EVENT_PATH} ({@code pull_request},
 * {@code pull_request_target}, {@code push}, {@code workflow_dispatch}, {@code release}, {@code merge_group},
 * {@code deployment}, {@code deployment_review}, {@code create}, {@code delete}; other events give only the
 * common fields). Every text here is untrusted: it is neutralized where it is used.
 *
 * @param name the event name ({@code GITHUB_EVENT_NAME})
 * @param actor who triggered it
 * @param ref the branch or tag the run is for (the PR's head branch for pull requests)
 * @param sha the commit
 * @param pullRequest the pull request, for pull request events
 * @param commitTitle the first line of the head commit's message (push, merge_group)
 * @param releaseTag the release's tag (release)
 * @param repository the repository the run belongs to
 * @param action the payload's {@code action} (release: published, deleted, …; deployment_review: approved, …)
 * @param releaseName the release's title, when it has one
 * @param deletedRef whether a push deleted its ref (push with {@code deleted: true}, the delete event)
 * @param refType {@code branch} or {@code tag} for the create and delete events, else empty
 * @param environments the deployment environments the event names (deployment, deployment_review)
 */
record GitHubEvent(String name, String actor, String ref, String sha, Optional<PullRequest> pullRequest,
    Optional<String> commitTitle, Optional<String> releaseTag, String repository, Optional<String> action,
    Optional<String> releaseName, boolean deletedRef, String refType, List<String> environments) {

  GitHubEvent {
    environments = List.copyOf(environments);
  }

  /**
   * A pull request.
   *
   * @param headRepository the repository the head branch lives in ({@code ""} when it was deleted)
   */
  record PullRequest(long number, String title, String url, String headRef, String headRepository,
      String baseRepository) {

    /** Whether the head branch lives in another repository (a fork): GitHub gives such runs no OIDC token. */
    boolean fromFork() {
      return !headRepository.equalsIgnoreCase(baseRepository);
    }
  }

  private static final ObjectMapper MAPPER = RunnerJson.MAPPER;

  /** Whether this is a {@code pull_request} run from a fork, which never gets an ID token. */
  boolean isForkPullRequest() {
    return "pull_request".equals(name) && pullRequest.map(PullRequest::fromFork).orElse(false);
  }

  /**
   * Reads the event the runner describes.
   *
   * @throws ActionFailure when GITHUB_EVENT_PATH names a file that is missing or not a JSON object
   */
  static GitHubEvent load(ActionEnvironment env) {
    String name = env.get("GITHUB_EVENT_NAME").orElse("");
    Optional<Path> path = env.path("GITHUB_EVENT_PATH");
    JsonNode root = MAPPER.createObjectNode();
    if (path.isPresent()) {
      root = read(path.get());
    }
    return parse(name, root, env);
  }

  private static JsonNode read(Path path) {
    try {
      JsonNode node = MAPPER.readTree(Files.readString(path));
      if (node == null || !node.isObject()) {
        throw unreadable(path, "is not a JSON object");
      }
      return node;
    } catch (NoSuchFileException e) {
      throw unreadable(path, "does not exist");
    } catch (JsonProcessingException e) {
      throw unreadable(path, "is not a JSON object");
    } catch (IOException e) {
      throw unreadable(path, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static ActionFailure unreadable(Path path, String why) {
    return new ActionFailure("Unreadable event file", "The event file GITHUB_EVENT_PATH=" + UntrustedText.neutralize(
        path.toString(), 200) + " " + why + ". Run the action as a step of a GitHub Actions job (the runner writes this"
        + " file), or point GITHUB_EVENT_PATH at the event's JSON payload.", ExitCodes.USAGE);
  }

  static GitHubEvent parse(String name, JsonNode e, ActionEnvironment env) {
    String actor = text(e.path("sender"), "login").or(() -> env.get("GITHUB_ACTOR")).orElse("");
    String repository = text(e.path("repository"), "full_name").or(() -> env.get("GITHUB_REPOSITORY")).orElse("");
    Optional<PullRequest> pr = Optional.empty();
    JsonNode p = e.path("pull_request");
    if (p.isObject()) {
      pr = Optional.of(new PullRequest(p.path("number").asLong(e.path("number").asLong()), text(p, "title").orElse(""),
          text(p, "html_url").orElse(""), text(p.path("head"), "ref").orElse(""),
          text(p.path("head").path("repo"), "full_name").orElse(""),
          text(p.path("base").path("repo"), "full_name").orElse(repository)));
    }
    String ref = pr.map(PullRequest::headRef).filter(r -> !r.isEmpty())
        .or(() -> text(e.path("merge_group"), "head_ref"))
        .or(() -> text(e, "ref"))
        .or(() -> env.get("GITHUB_HEAD_REF"))
        .or(() -> env.get("GITHUB_REF")).orElse("");
    String sha = text(p.path("head"), "sha").or(() -> text(e.path("merge_group"), "head_sha"))
        .or(() -> text(e, "after")).or(() -> env.get("GITHUB_SHA")).orElse("");
    Optional<String> commit = text(e.path("head_commit"), "message")
        .or(() -> text(e.path("merge_group").path("head_commit"), "message"))
        .map(m -> m.lines().findFirst().orElse(""));
    Optional<String> tag = text(e.path("release"), "tag_name");
    boolean deleted = e.path("deleted").asBoolean(false) || "delete".equals(name);
    return new GitHubEvent(name, actor, ref, sha, pr, commit, tag, repository, text(e, "action"),
        text(e.path("release"), "name"), deleted, text(e, "ref_type").orElse(""), environments(e));
  }

  /** The environments a deployment or a deployment review names, each once, in the payload's order. */
  private static List<String> environments(JsonNode e) {
    Set<String> names = new LinkedHashSet<>();
    text(e, "environment").ifPresent(names::add);
    text(e.path("deployment"), "environment").ifPresent(names::add);
    text(e.path("workflow_job_run"), "environment").ifPresent(names::add);
    e.path("workflow_job_runs").forEach(run -> text(run, "environment").ifPresent(names::add));
    return List.copyOf(names);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
  }
}
