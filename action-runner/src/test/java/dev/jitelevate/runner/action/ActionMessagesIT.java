package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the action's steps say to a person, as the runner runs them: messages that show invisible characters
 * and point at the system that refused, a ticket pattern that finds nothing (a warning or an error, by
 * configuration), the justification of an event, and role names rather than ids in both steps' logs.
 */
class ActionMessagesIT {
  static final ObjectMapper MAPPER = new ObjectMapper();
  @RegisterExtension static final ActionOnEmulator action = ActionOnEmulator.rotatingDbPassword()
      .and(r -> r.input("operation", "").input("vault", "").input("secrets", "").input("validate-timeout", ""));

  private boolean nothingWasRequested() {
    return action.emulator().journal().stream()
        .noneMatch(e -> e.method().equals("PUT") && e.path().contains("ScheduleRequests"));
  }

  @Test
  void aRoleNameWithAZeroWidthSpaceShowsTheInvisibleCharacter() {
    // A runner's locale is UTF-8 (the image's too); without it the JVM could not even read the input's character.
    action.runner().env("LANG", "C.UTF-8").input("role", "Key Vault Secrets Officer\u200B");
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).as(main.stdout()).isEqualTo(2);
    assertThat(main.stdout()).contains("Target: Azure role 'Key Vault Secrets Officer<U+200B>'");
    assertThat(main.errors()).singleElement().asString().contains("role", "Key Vault Secrets Officer\\u200b", "invisible");
    assertThat(nothingWasRequested()).isTrue();
  }

  @Test
  void aWrongOidcRequestTokenPointsAtGitHubsPermissionWithoutJavaClassNames() throws IOException {
    Path profile = action.runner().workspace.resolve("cloud-profile.json");
    String token = action.emulator().github().oidcRequestToken();
    Files.writeString(profile, Files.readString(profile).replace(token, "not-the-runners-token"));
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isEqualTo(5);
    assertThat(main.errors()).singleElement().asString().contains("GitHub", "id-token: write")
        .doesNotContain("Exception", "dev.jitelevate", "com.azure", "federated credential", "AADSTS");
    assertThat(main.stderr()).doesNotContain("Exception");
    assertThat(nothingWasRequested()).isTrue();
  }

  @Test
  void aTicketPatternThatFindsNothingIsAWarningByDefault() throws IOException {
    action.runner().input("ticket-pattern", "OPS-[0-9]+").input("revoke", "after-operation");
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    assertThat(main.stdout()).contains("::warning title=No ticket found::The ticket-pattern 'OPS-[0-9]+' matched nothing");
    assertThat(MAPPER.readTree(Files.readString(action.runner().workspace.resolve(main.outputs().get("record-path"))))
        .path("ticket").isMissingNode()).isTrue();
  }

  @Test
  void aTicketPatternThatBacktracksFailsBeforeAnythingIsRequestedWhenATicketIsRequired() throws IOException {
    action.runner().event("pull_request", Fixtures.pullRequestTitled("a".repeat(40)))
        .input("ticket-pattern", "(.*a){12}b").input("on-missing-ticket", "fail");
    SimulatedRunner.Step main = action.runner().main();

    assertThat(main.exitCode()).as(main.stdout()).isEqualTo(2);
    assertThat(main.errors()).singleElement().asString().contains("ticket-pattern", "250 ms", "backtracking");
    assertThat(nothingWasRequested()).isTrue();
  }

  @Test
  void aDeletedReleaseIsJustifiedAsSuchAndThePostStepNamesTheRole() throws IOException {
    action.runner().event("release", Fixtures.event("release_deleted"));
    SimulatedRunner.Step main = action.runner().main();
    assertThat(main.exitCode()).as(main.stdout() + main.stderr()).isZero();
    SimulatedRunner.Step post = action.runner().post(main);
    assertThat(post.exitCode()).as(post.stdout()).isZero();

    Path file = action.runner().workspace.resolve(main.outputs().get("record-path"));
    JsonNode record = MAPPER.readTree(Files.readString(file));
    assertThat(record.path("justification").asText()).contains("release 0.0.1 deleted by Codertocat");
    String roleId = record.path("target").path("roleDefinitionId").asText();
    assertThat(roleId).isNotEmpty();
    for (SimulatedRunner.Step step : new SimulatedRunner.Step[] {main, post}) {
      assertThat(step.stdout()).contains("Key Vault Secrets Officer").doesNotContain(roleId);
    }
  }
}
