package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventAndJustificationTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final ActionEnvironment ENV = new ActionEnvironment(Map.of("GITHUB_REPOSITORY", "Codertocat/Hello-World",
      "GITHUB_RUN_ID", "42", "GITHUB_SERVER_URL", "https://github.com", "GITHUB_WORKFLOW", "deploy"));

  static GitHubEvent event(String name, String json) throws Exception {
    return GitHubEvent.parse(name, MAPPER.readTree(json), ENV);
  }

  @Nested
  class Events {
    @Test
    void aPullRequestGivesNumberTitleUrlAndHeadBranch() throws Exception {
      GitHubEvent e = event("pull_request", Fixtures.event("pull_request"));
      assertThat(e.pullRequest()).hasValueSatisfying(pr -> {
        assertThat(pr.number()).isEqualTo(2);
        assertThat(pr.title()).isEqualTo("Update the README with new information.");
        assertThat(pr.url()).isEqualTo("https://github.com/Codertocat/Hello-World/pull/2");
        assertThat(pr.fromFork()).isFalse();
      });
      assertThat(e.ref()).isEqualTo("changes");
      assertThat(e.sha()).isEqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
    }

    @Test
    void aPullRequestFromAForkIsRecognised() throws Exception {
      assertThat(event("pull_request", Fixtures.forkPullRequest()).isForkPullRequest()).isTrue();
      assertThat(event("pull_request_target", Fixtures.forkPullRequest()).isForkPullRequest()).isFalse();
    }

    @Test
    void pushMergeGroupReleaseAndDispatchGiveTheirRefAndCommit() throws Exception {
      assertThat(event("push", Fixtures.event("push")).commitTitle()).hasValue("Adding a .gitignore file");
      GitHubEvent merge = event("merge_group", Fixtures.event("merge_group"));
      assertThat(merge.ref()).startsWith("refs/heads/gh-readonly-queue/main/");
      assertThat(merge.commitTitle()).hasValue("Merge pull request #2048 from octo-repo/update-readme");
      assertThat(event("release", Fixtures.event("release")).releaseTag()).hasValue("0.0.1");
      assertThat(event("workflow_dispatch", Fixtures.event("workflow_dispatch")).ref()).isEqualTo("refs/heads/main");
    }
  }

  @Nested
  class JustificationsFromTheEvent {
    @Test
    void theDefaultNamesThePullRequestTheActorAndTheRun() throws Exception {
      GitHubEvent e = event("pull_request", Fixtures.event("pull_request"));
      String j = Justifications.justification(Optional.empty(), Optional.empty(), Justifications.placeholders(e, ENV, Optional.empty()));
      assertThat(j).contains("PR #2", "Update the README with new information.", "/pull/2", "by Codertocat",
          "commit ec26c3e", "https://github.com/Codertocat/Hello-World/actions/runs/42");
    }

    @Test
    void aHostileTitleLosesItsLineBreaksAndControlCharactersAndTheWholeFitsPim() throws Exception {
      GitHubEvent e = event("pull_request", Fixtures.pullRequestTitled("x\n::set-output name=a::b \u001B[31m" + "y".repeat(900)));
      String j = Justifications.justification(Optional.empty(), Optional.empty(), Justifications.placeholders(e, ENV, Optional.empty()));
      assertThat(j).doesNotContain("\n", "\u001B").hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void aBenignTitleIsKeptExactlyAsWritten() throws Exception {
      GitHubEvent e = event("pull_request", Fixtures.pullRequestTitled("Fix std::vector overflow; coverage 100%0A"));
      String j = Justifications.justification(Optional.empty(), Optional.empty(), Justifications.placeholders(e, ENV, Optional.empty()));
      assertThat(j).contains("\"Fix std::vector overflow; coverage 100%0A\"");
    }

    @Test
    void anEmptyTitleLeavesNoEmptyQuotes() throws Exception {
      GitHubEvent e = event("pull_request", Fixtures.pullRequestTitled(""));
      String j = Justifications.justification(Optional.empty(), Optional.empty(), Justifications.placeholders(e, ENV, Optional.empty()));
      assertThat(j).contains("PR #2 https://").doesNotContain("\"\"");
    }

    @Test
    void aTemplateIsFilledAndAnUnknownPlaceholderIsNamed() throws Exception {
      GitHubEvent e = event("pull_request", Fixtures.event("pull_request"));
      Map<String, String> values = Justifications.placeholders(e, ENV, Optional.empty());
      assertThat(Justifications.justification(Optional.empty(), Optional.of("Deploy {pr-url} for {actor}"), values))
          .isEqualTo("Deploy https://github.com/Codertocat/Hello-World/pull/2 for Codertocat");
      assertThatThrownBy(() -> Justifications.justification(Optional.empty(), Optional.of("{nope}"), values))
          .isInstanceOf(ActionFailure.class).hasMessageContaining("{nope}");
    }

    @Test
    void theTicketPatternFindsTheTicketInTheTitleThenTheBranch() throws Exception {
      GitHubEvent titled = event("pull_request", Fixtures.pullRequestTitled("OPS-123: rotate keys"));
      assertThat(Justifications.ticket(Optional.empty(), Optional.of("Jira"), Optional.of("[A-Z]+-[0-9]+"), titled).ticket())
          .hasValueSatisfying(t -> assertThat(t.number() + "/" + t.system()).isEqualTo("OPS-123/Jira"));
      GitHubEvent none = event("pull_request", Fixtures.event("pull_request"));
      Justifications.TicketSearch missed = Justifications.ticket(Optional.empty(), Optional.empty(),
          Optional.of("[A-Z]+-[0-9]+"), none);
      assertThat(missed.ticket()).isEmpty();
      assertThat(missed.miss()).hasValueSatisfying(m -> assertThat(m).contains("[A-Z]+-[0-9]+", "matched nothing"));
    }

    @Test
    void aBacktrackingTicketPatternOnAHostileTitleIsStoppedAndSaysSo() throws Exception {
      GitHubEvent hostile = event("pull_request", Fixtures.pullRequestTitled("a".repeat(40)));
      long started = System.nanoTime();

      Justifications.TicketSearch search = Justifications.ticket(Optional.empty(), Optional.empty(),
          Optional.of("(.*a){12}b"), hostile);
      assertThat(search.ticket()).isEmpty();
      assertThat(search.miss()).hasValueSatisfying(m -> assertThat(m).contains("(.*a){12}b", "250 ms", "backtracking"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMissingTicketIsAWarningOrABadInputErrorByConfiguration() {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      WorkflowLog log = new WorkflowLog(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      MissingTicket.parse(Optional.empty()).report("The ticket-pattern 'x' matched nothing", log);
      assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
          .startsWith("::warning title=No ticket found::The ticket-pattern 'x' matched nothing");
      assertThatThrownBy(() -> MissingTicket.parse(Optional.of("fail")).report("The ticket-pattern 'x' matched nothing", log))
          .isInstanceOfSatisfying(ActionFailure.class, f -> assertThat(f.title()).contains("ticket-pattern"))
          .hasMessageContaining("pass ticket-number");
      assertThatThrownBy(() -> MissingTicket.parse(Optional.of("maybe")))
          .isInstanceOfSatisfying(ActionFailure.class, f -> assertThat(f.title()).contains("on-missing-ticket"));
    }
  }
}
