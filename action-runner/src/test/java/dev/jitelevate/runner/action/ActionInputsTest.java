package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.runner.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionInputsTest {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";

  @TempDir Path dir;
  SimulatedRunner runner;

  @BeforeEach
  void validInputs() throws IOException {
    runner = new SimulatedRunner(dir).input("client-id", "c1c1c1c1-0000-4000-8000-0000000000a1")
        .input("tenant-id", TENANT).input("broker-client-id", "b0b0b0b0-0000-4000-8000-0000000000a1")
        .input("role", "Key Vault Secrets Officer").input("scope", SCOPE)
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", "https://127.0.0.1:9/oidc?api-version=2.0")
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token-never-shown-1234");
  }

  private SimulatedRunner.Step rejected(String input) {
    SimulatedRunner.Step step = runner.mainInProcess();
    assertThat(step.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(step.errors()).hasSize(1);
    assertThat(step.errors().get(0)).contains("title=Invalid input '" + input + "'");
    assertNothingLeftBehind(step);
    return step;
  }

  private void assertNothingLeftBehind(SimulatedRunner.Step step) {
    assertThat(step.outputs()).isEmpty();
    assertThat(step.state()).isEmpty();
    assertThat(Files.exists(runner.workspace.resolve(RecordFiles.DIRECTORY))).isFalse();
    assertThat(step.stdout()).doesNotContain("\tat ", "Exception");
  }

  @Nested
  class BadInputGivesOneClearError {
    @Test
    void anUnknownTargetNamesTheAcceptedOnes() {
      runner.input("target", "subscription");
      assertThat(rejected("target").errors().get(0)).contains("azure-role, directory-role or group");
    }

    @Test
    void anAudienceWithSpacesIsRefusedNamingTheDefault() {
      runner.input("audience", "api://a b");
      assertThat(rejected("audience").errors().get(0)).contains("api://AzureADTokenExchange");
    }

    @Test
    void aMalformedDurationShowsTheAcceptedForms() {
      runner.input("duration", "half an hour");
      assertThat(rejected("duration").errors().get(0)).contains("30m");
    }

    @Test
    void aMalformedScopeShowsTheAcceptedForms() {
      runner.input("scope", "rg-app");
      assertThat(rejected("scope").errors().get(0)).contains("/subscriptions/{subscription-id}");
    }

    @Test
    void rbacWithRevokeExpireIsRefusedBeforeAnythingIsElevated() {
      runner.input("strategy", "rbac").input("revoke", "expire");
      assertThat(rejected("revoke").errors().get(0)).contains("no server-side expiry").contains("revoke: post");
    }

    @Test
    void aGroupWithAnAzureRoleTargetConflicts() {
      runner.input("group", "grp-prod-admins");
      assertThat(rejected("group").errors().get(0)).contains("takes no group");
    }

    @Test
    void aScopeInAnotherSubscriptionThanSubscriptionIdConflicts() {
      runner.input("subscription-id", "00000000-0000-4000-8000-000000000000");
      rejected("scope");
    }

    @Test
    void aMissingClientIdSaysWhereToFindIt() {
      runner.input("client-id", "");
      assertThat(rejected("client-id").errors().get(0)).contains("vars.AZURE_CLIENT_ID");
    }

    @Test
    void rotationInputsWithoutTheRotationAreRefused() {
      runner.input("vault", "kv-jit-demo");
      assertThat(rejected("vault").errors().get(0)).contains("operation%3A keyvault-rotate".replace("%3A", ":"));
    }

    @Test
    void anArtifactNameThatEscapesIsRefused() {
      runner.input("artifact-name", "../../etc/passwd");
      rejected("artifact-name");
    }

    @Test
    void anUnknownConflictPolicyIsRefusedNamingTheValues() {
      runner.input("on-conflict", "steal");
      assertThat(rejected("on-conflict").errors().get(0)).contains("wait").contains("share").contains("fail");
    }

    @Test
    void aMaximumTokenLifetimeThatIsNoPositiveDurationIsRefused() {
      runner.input("max-token-lifetime", "forever");
      assertThat(rejected("max-token-lifetime").errors().get(0)).contains("'forever' is not a positive duration");
    }

    @Test
    void aTicketPatternThatIsNoRegexIsRefused() {
      runner.input("ticket-pattern", "[A-Z+");
      rejected("ticket-pattern");
    }

    @Test
    void anEventFileThatIsNotJsonIsReportedOnce() throws IOException {
      runner.event("push", "this is not json");
      SimulatedRunner.Step step = runner.mainInProcess();
      assertThat(step.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(step.errors()).singleElement().asString().contains("Unreadable event file");
      assertNothingLeftBehind(step);
    }
  }

  @Nested
  class SignInPreconditions {
    @Test
    void aJobWithoutIdTokenWriteIsToldToAddIt() {
      runner.env("ACTIONS_ID_TOKEN_REQUEST_URL", null).env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", null);
      SimulatedRunner.Step step = runner.mainInProcess();
      assertThat(step.exitCode()).isEqualTo(5);
      assertThat(step.errors()).singleElement().asString().contains("id-token: write");
      assertNothingLeftBehind(step);
    }

    @Test
    void aPullRequestFromAForkIsToldItGetsNoToken() throws IOException {
      runner.event("pull_request", Fixtures.forkPullRequest());
      SimulatedRunner.Step step = runner.mainInProcess();
      assertThat(step.exitCode()).isEqualTo(5);
      assertThat(step.errors()).singleElement().asString().contains("fork");
      assertNothingLeftBehind(step);
    }

    @Test
    void theRequestTokenIsMaskedBeforeAnythingElse() {
      runner.env("ACTIONS_ID_TOKEN_REQUEST_URL", null);
      SimulatedRunner.Step step = runner.mainInProcess();
      assertThat(step.stdout().lines().findFirst()).hasValue("::add-mask::request-token-never-shown-1234");
    }
  }
}
