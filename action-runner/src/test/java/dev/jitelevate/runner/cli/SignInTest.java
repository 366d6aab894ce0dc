package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.runner.JitElevate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SignInTest {
  final CapturedConsole captured = new CapturedConsole();

  SignIn signIn(Map<String, String> env, String... args) {
    CommandLine cli = JitElevate.commandLine(new JitElevate(new Env(env), captured.console));
    String[] all = new String[args.length + 1];
    all[0] = "status";
    System.arraycopy(args, 0, all, 1, args.length);
    StatusCommand status = (StatusCommand) cli.parseArgs(all).subcommand().commandSpec().userObject();
    return new SignIn(status.signIn, new Env(env), captured.console);
  }

  @Test
  void registersTheSecretsItReadsFromTheEnvironmentBeforeAnythingIsPrinted() {
    signIn(Map.of(Env.BROKER_SECRET, "broker-s3cret", "AZURE_CLIENT_SECRET", "client-s3cret"));

    assertThat(captured.redactor.redact("broker-s3cret client-s3cret")).isEqualTo("*** ***");
  }

  @Test
  void environmentModeTakesTheTenantFromAzureTenantId() {
    SignIn s = signIn(Map.of("AZURE_TENANT_ID", "t-1", "AZURE_CLIENT_ID", "c", "AZURE_CLIENT_SECRET", "s"), "--auth", "environment");

    assertThat(s.tenant()).contains("t-1");
    assertThat(s.identity()).isNotNull();
  }

  @Test
  void environmentModeWithoutAClientIdSaysWhichVariableIsMissing() {
    SignIn s = signIn(Map.of("AZURE_TENANT_ID", "t-1"), "--auth", "environment");

    assertThatThrownBy(s::identity).isInstanceOf(CliInputException.class).hasMessageContaining("AZURE_CLIENT_ID");
  }

  @Test
  void environmentModeWithoutACredentialSaysWhatToSet() {
    SignIn s = signIn(Map.of("AZURE_TENANT_ID", "t-1", "AZURE_CLIENT_ID", "c"), "--auth", "environment");

    assertThatThrownBy(s::identity).isInstanceOf(CliInputException.class)
        .hasMessageContaining("AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE");
  }

  @Test
  void deviceCodeNeedsAPublicClient() {
    assertThatThrownBy(() -> signIn(Map.of(), "--auth", "device-code").identity())
        .isInstanceOf(CliInputException.class).extracting(e -> ((CliInputException) e).option()).isEqualTo("--client-id");
  }

  @Test
  void aBrokerClientIdThatIsNoGuidIsRefusedBeforeAnySignIn() {
    assertThatThrownBy(() -> signIn(Map.of(Env.BROKER_SECRET, "x"), "--broker-client-id",
        "\u0441" + "0b0b0b0-0000-4000-8000-0000000000a1").broker())
        .isInstanceOf(CliInputException.class).extracting(e -> ((CliInputException) e).option()).isEqualTo("--broker-client-id");
  }

  @Test
  void noBrokerIsConfiguredWithoutABrokerClientId() {
    assertThat(signIn(Map.of(Env.BROKER_SECRET, "x")).broker()).isEmpty();
  }

  @Test
  void aNamedCloudIsTheWellKnownProfile() {
    assertThat(signIn(Map.of(), "--cloud", "AzureUSGovernment").cloud().name()).isEqualTo("AzureUSGovernment");
  }
}
