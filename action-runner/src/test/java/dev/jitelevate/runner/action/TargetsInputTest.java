package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.runner.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad {@code targets} input is refused with one clear error before anything is requested. */
class TargetsInputTest {
  @TempDir Path dir;
  SimulatedRunner runner;

  @BeforeEach
  void validInputs() throws IOException {
    runner = new SimulatedRunner(dir).input("client-id", "c1c1c1c1-0000-4000-8000-0000000000a1")
        .input("tenant-id", ActionInputsTest.TENANT).input("broker-client-id", "b0b0b0b0-0000-4000-8000-0000000000a1")
        .input("targets", "azure-role:Contributor@" + ActionInputsTest.SCOPE + "\n\n# the vault\ngroup:owner@grp-ops\n")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", "https://127.0.0.1:9/oidc?api-version=2.0")
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token-never-shown-1234");
  }

  private String rejected() {
    SimulatedRunner.Step step = runner.mainInProcess();
    assertThat(step.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(step.errors()).hasSize(1);
    assertThat(step.errors().get(0)).contains("title=Invalid input 'targets'");
    assertThat(step.state()).isEmpty();
    assertThat(Files.exists(runner.workspace.resolve(RecordFiles.DIRECTORY))).isFalse();
    assertThat(step.stdout()).doesNotContain("\tat ", "Exception");
    return step.errors().get(0);
  }

  @Test
  void targetsWithRoleIsRefusedNamingBoth() {
    runner.input("role", "Contributor");
    assertThat(rejected()).contains("targets and role were both given");
  }

  @Test
  void targetsWithAnotherTargetKindIsRefusedNamingBoth() {
    runner.input("target", "group");
    assertThat(rejected()).contains("targets and target were both given");
  }

  @Test
  void aLineThatCannotBeReadIsNamedWithTheSyntax() {
    runner.input("targets", "azure-role:Contributor@" + ActionInputsTest.SCOPE + "\nazure-role:Reader");
    assertThat(rejected()).contains("Line 2", "ROLE@SCOPE");
  }

  @Test
  void theSameTargetTwiceIsRefused() {
    runner.input("targets", "group:grp-ops\ngroup:member@grp-ops");
    assertThat(rejected()).contains("Line 2", "a second time");
  }

  @Test
  void onlyCommentsIsRefused() {
    runner.input("targets", "# nothing yet");
    assertThat(rejected()).contains("names no target");
  }
}
