package dev.jitelevate.runner.action;

import java.util.List;
import java.util.Optional;

/**
 * What the triggering event did, in the words a person would write in a justification: {@code PR #42 "Fix
 * login" <url>}, {@code push to branch main "Bump the API"}, {@code deletion of tag v1.2}, {@code release 1.2.0
 * published}, {@code deployment review approved for environment production}, {@code manual run of deploy on
 * branch main}. Texts from the event are taken exactly (bounded); the caller defuses them for the log.
 */
final class EventDescription {
  private static final int MAX_TITLE = 120;

  private EventDescription() {}

  static String of(GitHubEvent e, String workflow) {
    if (e.pullRequest().isPresent()) {
      GitHubEvent.PullRequest pr = e.pullRequest().get();
      String title = one(pr.title(), MAX_TITLE);
      return "PR #" + pr.number() + (title.isBlank() ? "" : " \"" + title + "\"")
          + (pr.url().isBlank() ? "" : " " + one(pr.url(), 200));
    }
    String ref = refName(e.ref(), e.refType());
    switch (e.name()) {
      case "release":
        return release(e);
      case "deployment_review":
        return "deployment review" + e.action().map(a -> " " + one(a, 30)).orElse("") + environments(e.environments(), " for");
      case "deployment":
      case "deployment_status":
        return "deployment" + environments(e.environments(), " to") + (ref.isEmpty() ? "" : " of " + ref);
      case "delete":
        return "deletion of " + ref;
      case "create":
        return "creation of " + ref;
      case "workflow_dispatch":
        return "manual run of " + one(workflow, 80) + on(ref);
      case "schedule":
        return "scheduled run of " + one(workflow, 80) + on(ref);
      case "push":
        if (e.deletedRef()) {
          return "deletion of " + ref + " (push)";
        }
        return "push to " + ref + commit(e);
      case "merge_group":
        return "merge queue run on " + ref + commit(e);
      default:
        String event = e.name().isBlank() ? "run" : one(e.name(), 40);
        return e.commitTitle().isPresent() ? event + " to " + ref + commit(e) : event + " of " + one(workflow, 80) + on(ref);
    }
  }

  private static String release(GitHubEvent e) {
    String tag = e.releaseTag().map(t -> one(t, 60)).orElse("");
    Optional<String> name = e.releaseName().map(n -> one(n, MAX_TITLE)).filter(n -> !n.isBlank() && !n.equals(tag));
    return "release " + (tag.isEmpty() ? "" : tag + " ") + name.map(n -> "\"" + n + "\" ").orElse("")
        + e.action().map(a -> one(a, 30)).orElse("");
  }

  /** {@code refs/heads/x} as {@code branch x}, {@code refs/tags/x} as {@code tag x}; a bare name with its type. */
  static String refName(String ref, String refType) {
    String r = one(ref, 120);
    if (r.startsWith("refs/heads/")) {
      return "branch " + r.substring("refs/heads/".length());
    }
    if (r.startsWith("refs/tags/")) {
      return "tag " + r.substring("refs/tags/".length());
    }
    return refType.isBlank() || r.isEmpty() ? r : one(refType, 10) + " " + r;
  }

  private static String environments(List<String> names, String preposition) {
    if (names.isEmpty()) {
      return "";
    }
    return preposition + (names.size() == 1 ? " environment " : " environments ")
        + String.join(", ", names.stream().map(n -> one(n, 60)).toList());
  }

  private static String on(String ref) {
    return ref.isEmpty() ? "" : " on " + ref;
  }

  private static String commit(GitHubEvent e) {
    return e.commitTitle().map(c -> one(c, MAX_TITLE)).filter(c -> !c.isBlank()).map(c -> " \"" + c + "\"").orElse("");
  }

  private static String one(String text, int max) {
    return UntrustedText.exact(text, max);
  }
}
