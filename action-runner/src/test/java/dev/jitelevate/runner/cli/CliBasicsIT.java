package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The jar's basics as a separate process: version, help, and bad input as one line with exit 2. */
class CliBasicsIT {
  @Test
  void printsItsVersion() throws Exception {
    CliProcess.Result r = new CliProcess().run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("jit-elevate ").doesNotContain("development build");
  }

  @Test
  void printsHelpListingEveryCommand() throws Exception {
    CliProcess.Result r = new CliProcess().run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("elevate", "status", "revoke", "sweep", "demo", "action", "action-post", "Exit codes");
  }

  @Test
  void badInputIsOneLineNamingTheOptionWithExit2() throws Exception {
    CliProcess.Result r = new CliProcess().run("elevate", "--target", "azure-role", "--role", "Reader",
        "--scope", "/subscriptions/not-a-guid", "--", "true");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).singleElement().asString().startsWith("jit-elevate elevate: --scope: ")
        .contains("is not an ARM scope");
  }

  @Test
  void aMissingRequiredOptionIsOneLineWithExit2() throws Exception {
    CliProcess.Result r = new CliProcess().run("sweep");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().contains("--scope");
  }

  @Test
  void aBrokerSecretIsNeverAcceptedAsAnArgument() throws Exception {
    CliProcess.Result r = new CliProcess().run("elevate", "--target", "group", "--group", "g", "--broker-client-secret", "s3cret-x");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").doesNotContain("s3cret-x");
  }
}
