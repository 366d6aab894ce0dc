package dev.jitelevate.runner.action;

import java.util.LinkedHashMap;
import java.util.Map;

/** The CI metadata copied into the request's labels and so into the record's {@code ci} section. Never secrets. */
final class CiLabels {
  private CiLabels() {}

  static Map<String, String> of(ActionEnvironment env, GitHubEvent event) {
    Map<String, String> labels = new LinkedHashMap<>();
    copy(env, labels, "github.run_id", "GITHUB_RUN_ID");
    copy(env, labels, "github.run_attempt", "GITHUB_RUN_ATTEMPT");
    copy(env, labels, "github.run_number", "GITHUB_RUN_NUMBER");
    copy(env, labels, "github.workflow", "GITHUB_WORKFLOW");
    copy(env, labels, "github.job", "GITHUB_JOB");
    copy(env, labels, "github.server_url", "GITHUB_SERVER_URL");
    copy(env, labels, "github.runner_environment", "RUNNER_ENVIRONMENT");
    put(labels, "github.repository", event.repository());
    put(labels, "github.event_name", event.name());
    put(labels, "github.ref", event.ref());
    put(labels, "github.sha", event.sha());
    put(labels, "github.actor", event.actor());
    env.runUrl().ifPresent(u -> put(labels, "github.run_url", u));
    event.pullRequest().ifPresent(pr -> {
      put(labels, "github.pr_number", Long.toString(pr.number()));
      put(labels, "github.pr_url", pr.url());
    });
    event.releaseTag().ifPresent(t -> put(labels, "github.release_tag", t));
    return labels;
  }

  private static void copy(ActionEnvironment env, Map<String, String> labels, String key, String variable) {
    env.get(variable).ifPresent(v -> put(labels, key, v));
  }

  private static void put(Map<String, String> labels, String key, String value) {
    String v = UntrustedText.neutralize(value, 200);
    if (!v.isEmpty()) {
      labels.put(key, v);
    }
  }
}
