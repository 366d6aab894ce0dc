package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The justification built from each kind of event (payloads trimmed from @octokit/webhooks-examples) reads like
 * a person wrote it: what happened, to which ref, release or environment; no empty quotes, no zero commit.
 */
class EventJustificationsTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final ActionEnvironment ENV = new ActionEnvironment(Map.of("GITHUB_REPOSITORY", "Codertocat/Hello-World",
      "GITHUB_RUN_ID", "42", "GITHUB_SERVER_URL", "https://github.com", "GITHUB_WORKFLOW", "deploy",
      "GITHUB_REF", "refs/heads/main"));

  static String justify(String name, String json) throws Exception {
    GitHubEvent e = GitHubEvent.parse(name, MAPPER.readTree(json), ENV);
    return Justifications.justification(Optional.empty(), Optional.empty(), Justifications.placeholders(e, ENV, Optional.empty()));
  }

  static String with(String fixture, java.util.function.Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = (ObjectNode) MAPPER.readTree(Fixtures.event(fixture));
    change.accept(root);
    return MAPPER.writeValueAsString(root);
  }

  @Test
  void aPushNamesTheBranchAndTheCommitTitle() throws Exception {
    String j = justify("push", with("push", r -> r.put("ref", "refs/heads/main")));
    assertThat(j).contains("push to branch main \"Adding a .gitignore file\" by Codertocat, commit 6113728")
        .doesNotContain("refs/heads/");
  }

  @Test
  void aDeletedTagIsADeletionWithoutAZeroCommit() throws Exception {
    String j = justify("push", Fixtures.event("push_deleted"));
    assertThat(j).contains("deletion of tag simple-tag").doesNotContain("0000000", "\"\"", "refs/tags/");
  }

  @Test
  void aReleaseSaysWhetherItWasPublishedOrDeleted() throws Exception {
    assertThat(justify("release", Fixtures.event("release"))).contains("release 0.0.1 published by Codertocat");
    assertThat(justify("release", Fixtures.event("release_deleted"))).contains("release 0.0.1 deleted");
    assertThat(justify("release", with("release", r -> {
      r.put("action", "prereleased");
      ((ObjectNode) r.path("release")).put("name", "Spring cleaning");
    }))).contains("release 0.0.1 \"Spring cleaning\" prereleased");
  }

  @Test
  void aDeploymentReviewNamesItsEnvironments() throws Exception {
    assertThat(justify("deployment_review", Fixtures.event("deployment_review")))
        .contains("deployment review requested for environment TST by ilmax");
    String approved = with("deployment_review", r -> {
      r.put("action", "approved");
      r.remove("environment");
      r.remove("workflow_job_run");
      r.putArray("workflow_job_runs").add(MAPPER.createObjectNode().put("environment", "staging"))
          .add(MAPPER.createObjectNode().put("environment", "production"));
    });
    assertThat(justify("deployment_review", approved))
        .contains("deployment review approved for environments staging, production");
  }

  @Test
  void manualAndScheduledRunsSaySo() throws Exception {
    assertThat(justify("workflow_dispatch", Fixtures.event("workflow_dispatch"))).contains("manual run of deploy on branch main");
    assertThat(justify("schedule", "{}")).contains("scheduled run of deploy on branch main");
  }

  @Test
  void anEmptyOrInvisibleTitleLeavesNoEmptyQuotes() throws Exception {
    assertThat(justify("pull_request", Fixtures.pullRequestTitled("\u200B"))).contains("PR #2 https://").doesNotContain("\"\"");
  }

  @Test
  void aTemplateMayUseTheChangeTheActionAndTheEnvironment() throws Exception {
    GitHubEvent e = GitHubEvent.parse("deployment_review", MAPPER.readTree(Fixtures.event("deployment_review")), ENV);
    Map<String, String> values = Justifications.placeholders(e, ENV, Optional.empty());
    assertThat(Justifications.justification(Optional.empty(), Optional.of("{change}; {action} in {environment}"), values))
        .isEqualTo("deployment review requested for environment TST; requested in TST");
  }
}
