package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.server.JournalEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The action's steps as separate processes in a simulated runner, against the emulator over HTTPS. */
class ActionStepsIT {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String SUBSCRIPTION = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String SCOPE = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-app";
  static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  static final String NEW_VALUE = "new-db-password-from-the-test-9f8e";
  static final ObjectMapper MAPPER = new ObjectMapper();
  @RegisterExtension static final ActionOnEmulator action = ActionOnEmulator.elevatingTheRole();

  List<String> secrets() {
    return List.of(BROKER_SECRET, action.emulator().github().oidcRequestToken(), NEW_VALUE);
  }

  /** The record as a later step opens it: record-path is relative to the workspace, its working directory. */
  JsonNode record(SimulatedRunner.Step main) throws IOException {
    assertThat(main.outputs().get("record-path")).startsWith(RecordFiles.DIRECTORY + "/");
    return MAPPER.readTree(Files.readString(action.runner().workspace.resolve(main.outputs().get("record-path"))));
  }

  /** The Graph surfaces through the action: the post step ends what main held, as for Azure roles. */
  @Nested
  class EntraTargets {
    @Test
    void aDirectoryRoleIsAssignedByTheBrokerInMainAndRemovedInPost() throws IOException {
      action.runner().input("target", "directory-role").input("role", "User Administrator").input("scope", "");
      assertHeldByMainAndRevokedByPost("User Administrator");
    }

    @Test
    void aGroupMembershipIsAssignedByTheBrokerInMainAndRemovedInPost() throws IOException {
      action.runner().input("target", "group").input("group", "grp-prod-admins").input("access", "member")
          .input("role", "").input("scope", "");
      assertHeldByMainAndRevokedByPost("grp-prod-admins");
    }

    private void assertHeldByMainAndRevokedByPost(String shownInSummary) throws IOException {
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
      assertThat(main.outputs().get("status")).isEqualTo("ACTIVE");
      assertThat(action.emulator().leaks()).as("held for the post step").isNotEmpty();

      SimulatedRunner.Step post = action.runner().post(main);
      assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
      JsonNode record = record(main);
      assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
      assertThat(record.path("revocation").path("status").asText()).isEqualTo("REVOKED");
      assertThat(main.summary()).contains(shownInSummary);
      action.runner().assertNoSecretsIn(secrets(), main, post);
    }
  }

  @Nested
  class MainThenPost {
    @Test
    void mainRotatesWithTheElevationAndPostRevokesIt() throws IOException {
      action.runner().input("operation", "keyvault-rotate").input("vault", "kv-jit-demo")
          .input("secrets", "db-password")
          .input("secret-value-env", "NEW_DB_PASSWORD").env("NEW_DB_PASSWORD", NEW_VALUE);
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
      assertThat(main.outputs()).containsKeys("request-id", "status", "expires-at", "record-path", "secret-versions");
      assertThat(main.outputs().get("status")).isEqualTo("ACTIVE");
      assertThat(main.outputs().get("expires-at")).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
      assertThat(main.outputs().get("secret-versions")).contains("db-password");
      assertThat(action.emulator().leaks()).as("held for the post step").isNotEmpty();

      SimulatedRunner.Step post = action.runner().post(main);
      assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
      JsonNode record = record(main);
      assertThat(record.path("schemaVersion").asText()).isEqualTo(ActivationRecord.SCHEMA_VERSION);
      assertThat(record.path("requestIds").toString()).contains(main.outputs().get("request-id"));
      assertThat(record.path("outcome").asText()).isEqualTo("SUCCEEDED");
      assertThat(record.path("revocation").path("status").asText()).isEqualTo("REVOKED");
      assertThat(record.path("ci").toString()).contains("1234567890");
      assertThat(main.summary() + post.summary()).contains("```mermaid", "gantt", "Key Vault Secrets Officer");
      assertThat(post.summary()).contains("access may persist until **"
          + record.path("exposure").path("accessMayPersistUntil").asText() + "**");
      assertThat(record.path("exposure").path("tokensIssuedDuringWindow").path("count").asInt())
          .as("the rotation's Key Vault token").isPositive();
      assertThat(main.stdout()).contains("::group::");
      action.runner().assertNoSecretsIn(secrets(), main, post);
    }

    @Test
    void theJobsAzureLogLevelPrintsNothingOutsideTheActionsLog() {
      action.runner().input("revoke", "after-operation").env("AZURE_LOG_LEVEL", "verbose");
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
      assertThat(main.stdout() + main.stderr()).doesNotContain("com.azure", "Azure Identity =>");
    }

    @Test
    void postRevokesAfterAFailingMain() throws IOException {
      action.runner().input("operation", "keyvault-rotate").input("vault", "kv-jit-demo")
          .input("secrets", "no-such-secret");
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).as(main.stdout()).isNotZero();
      assertThat(main.errors()).hasSize(1);
      assertThat(main.state()).containsKey(PostState.HANDLE);

      SimulatedRunner.Step post = action.runner().post(main);
      assertThat(post.exitCode()).as(post.stdout() + post.stderr()).isZero();
      JsonNode record = record(main);
      assertThat(record.path("outcome").asText()).isEqualTo("FAILED");
      assertThat(record.path("revocation").path("status").asText()).isEqualTo("REVOKED");
      action.runner().assertNoSecretsIn(secrets(), main, post);
    }
  }

  @Nested
  class RevokedInTheMainStep {
    @Test
    void theRecordIsUploadedAsAnArtifact() throws IOException {
      try (ArtifactServiceFake artifacts = new ArtifactServiceFake()) {
        action.runner().input("revoke", "after-operation").input("artifact-name", "activation-record-pr-2")
            .env("ACTIONS_RUNTIME_TOKEN", artifacts.runtimeToken).env("ACTIONS_RESULTS_URL", artifacts.resultsUrl());
        SimulatedRunner.Step main = action.runner().main();
        assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
        assertThat(record(main).path("revocation").path("status").asText()).isEqualTo("REVOKED");

        List<ArtifactServiceFake.Call> calls = new ArrayList<>(artifacts.calls);
        assertThat(calls).extracting(ArtifactServiceFake.Call::path).containsExactly(
            "POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact",
            "PUT /blob/record.zip?" + ArtifactServiceFake.SAS,
            "POST /twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact");
        JsonNode create = calls.get(0).json();
        assertThat(create.path("workflow_run_backend_id").asText()).isEqualTo(ArtifactServiceFake.RUN_BACKEND_ID);
        assertThat(create.path("workflow_job_run_backend_id").asText()).isEqualTo(ArtifactServiceFake.JOB_BACKEND_ID);
        assertThat(create.path("name").asText()).isEqualTo("activation-record-pr-2");
        assertThat(calls.get(1).blobType()).isEqualTo("BlockBlob");
        byte[] zip = calls.get(1).body();
        JsonNode finalize = calls.get(2).json();
        assertThat(finalize.path("size").asText()).isEqualTo(Integer.toString(zip.length));
        assertThat(finalize.path("hash").asText()).isEqualTo("sha256:" + ArtifactUpload.sha256(zip));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
          assertThat(in.getNextEntry().getName()).startsWith("record-").endsWith(".json");
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"schemaVersion\" : \"" + ActivationRecord.SCHEMA_VERSION + "\"");
        }
        List<String> secrets = new ArrayList<>(secrets());
        secrets.add(artifacts.runtimeToken);
        secrets.add(ArtifactServiceFake.SAS);
        action.runner().assertNoSecretsIn(secrets, main);
      }
    }

    @Test
    void aHostilePullRequestTitleInjectsNothing() throws IOException {
      String title = "Fix\n::set-output name=status::hacked\n::add-mask::x%0A::stop-commands::tok \u001B[31m##[error]x";
      action.runner().event("pull_request", Fixtures.pullRequestTitled(title)).input("revoke", "after-operation");
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
      assertThat(main.outputs().keySet()).containsExactlyInAnyOrder("request-id", "status", "expires-at",
          "record-path", "secret-versions");
      assertThat(main.outputs().get("status")).isEqualTo("SUCCEEDED");
      assertThat(main.stdout().lines().filter(l -> l.startsWith("::") || l.startsWith("##[")))
          .allSatisfy(l -> assertThat(l).matches("::(add-mask|group|endgroup|notice|warning)\\b.*"))
          .noneMatch(l -> l.contains("hacked") || l.contains("stop-commands"));
      assertThat(main.stdout()).doesNotContain("\u001B");
      String justification = record(main).path("justification").asText();
      assertThat(justification).contains("Fix").doesNotContain("\n::", "\u001B");
      action.runner().assertNoSecretsIn(secrets(), main);
    }
  }

  @Nested
  class SigningIn {
    @Test
    void theIdentityAndTheBrokerSignInAtTheSameTime() {
      Duration slow = Duration.ofSeconds(2);
      action.emulator().injectFault(FaultRule.latency("POST", "/oauth2/v2.0/token$", slow, 2));
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
      List<Instant> signIns = action.emulator().journal().stream()
          .filter(e -> e.method().equals("POST") && e.path().endsWith("/oauth2/v2.0/token")).map(JournalEntry::at).toList();
      assertThat(signIns).hasSizeGreaterThanOrEqualTo(2);
      assertThat(Duration.between(signIns.get(0), signIns.get(1))).as("the second sign-in did not wait for the first")
          .isLessThan(slow);
      assertThat(action.runner().post(main).exitCode()).isZero();
    }
  }

  @Nested
  class SignInFailures {
    @Test
    void aFederatedSubjectMismatchNamesThePresentedSubject() {
      action.emulator().github().update(c -> c.withRef("refs/heads/feature/x"));
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).isEqualTo(5);
      assertThat(main.errors()).singleElement().asString()
          .contains("repo%3Acontoso/payments%3Aref%3Arefs/heads/feature/x".replace("%3A", ":"), "AADSTS70021");
      assertThat(main.outputs()).isEmpty();
      action.runner().assertNoSecretsIn(secrets(), main);
    }

    @Test
    void aJobWithoutIdTokenWriteFailsInTheProcessToo() throws IOException {
      Files.writeString(action.runner().workspace.resolve("cloud-profile.json"),
          MAPPER.readTree(action.emulator().profileJson()).<com.fasterxml.jackson.databind.node.ObjectNode>deepCopy().without("github").toString());
      action.runner().env("ACTIONS_ID_TOKEN_REQUEST_URL", null).env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", null);
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).isEqualTo(5);
      assertThat(main.errors()).singleElement().asString().contains("id-token: write");
      assertThat(main.stderr()).doesNotContain("Exception");
    }

    @Test
    void aForkGetsItsOwnErrorInTheProcessToo() throws IOException {
      // Only when the runner's token is needed: the profile names no issuer of its own.
      Files.writeString(action.runner().workspace.resolve("cloud-profile.json"),
          MAPPER.readTree(action.emulator().profileJson()).<com.fasterxml.jackson.databind.node.ObjectNode>deepCopy().without("github").toString());
      action.runner().event("pull_request", Fixtures.forkPullRequest());
      SimulatedRunner.Step main = action.runner().main();
      assertThat(main.exitCode()).isEqualTo(5);
      assertThat(main.errors()).singleElement().asString().contains("fork");
    }
  }
}
