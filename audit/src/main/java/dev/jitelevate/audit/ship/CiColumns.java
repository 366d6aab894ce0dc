package dev.jitelevate.audit.ship;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record's {@code ci} labels as columns. The action writes {@code github.*} labels, the CLI's {@code --pr}
 * writes {@code pr.*}; the first one present fills the column. The whole map goes to {@code Ci} as well.
 */
final class CiColumns {
  private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
      Map.entry("Repository", List.of("github.repository", "pr.repository")),
      Map.entry("Workflow", List.of("github.workflow")),
      Map.entry("RunId", List.of("github.run_id")),
      Map.entry("RunAttempt", List.of("github.run_attempt")),
      Map.entry("RunUrl", List.of("github.run_url")),
      Map.entry("PullRequest", List.of("github.pr_number", "pr.number")),
      Map.entry("PullRequestUrl", List.of("github.pr_url", "pr.url")),
      Map.entry("Actor", List.of("github.actor")),
      Map.entry("EventName", List.of("github.event_name")),
      Map.entry("Ref", List.of("github.ref")),
      Map.entry("Sha", List.of("github.sha")));
  private static final List<String> ORDER = List.of("Repository", "Workflow", "RunId", "RunAttempt", "RunUrl",
      "PullRequest", "PullRequestUrl", "Actor", "EventName", "Ref", "Sha");

  private CiColumns() {}

  static void put(Map<String, Object> row, Map<String, String> ci) {
    for (String column : ORDER) {
      RecordRow.put(row, column, COLUMNS.get(column).stream().map(ci::get).filter(v -> v != null && !v.isEmpty())
          .findFirst().map(String::valueOf).or(Optional::empty));
    }
    row.put("Ci", ci);
  }
}
