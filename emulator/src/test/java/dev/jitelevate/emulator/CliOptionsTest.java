package dev.jitelevate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
  @Nested
  class Parsing {
    @Test
    void defaultsToAFreePortTheDemoScenarioAndNoHazards() {
      CliOptions options = CliOptions.parse();
      assertThat(options.port()).isZero();
      assertThat(options.scenario().section("tenant").path("id").asText()).isEqualTo("7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01");
      assertThat(options.profileOut()).isEmpty();
      assertThat(options.hazards().throttleRps()).isZero();
    }

    @Test
    void namesTheHardenedBrokerScenario() {
      CliOptions options = CliOptions.parse("--scenario", "hardened-broker");
      assertThat(options.scenario().section("github").path("subjectClaimKeys").toString()).contains("job_workflow_ref");
    }

    @Test
    void readsEveryHazardFlag() {
      CliOptions options = CliOptions.parse("--port", "8443", "--profile-out", "p.json", "--provisioning-delay", "2s",
          "--propagation-delay=PT5S", "--min-active-duration", "1m", "--throttle-rps", "3.5", "--fault-rate", "0.1",
          "--latency-ms", "20", "--scenario", "empty");
      assertThat(options.port()).isEqualTo(8443);
      assertThat(options.profileOut()).contains(Path.of("p.json"));
      assertThat(options.hazards().provisioningDelay()).isEqualTo(Duration.ofSeconds(2));
      assertThat(options.hazards().propagationDelay()).isEqualTo(Duration.ofSeconds(5));
      assertThat(options.hazards().minimumActiveDuration()).isEqualTo(Duration.ofMinutes(1));
      assertThat(options.hazards().throttleRps()).isEqualTo(3.5);
      assertThat(options.hazards().faultRate()).isEqualTo(0.1);
      assertThat(options.hazards().latency()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void listensOnLoopbackUnlessBindNamesAnAddress() {
      assertThat(CliOptions.parse().bind()).isEqualTo("127.0.0.1");
      assertThat(CliOptions.parse("--bind", "10.89.0.1").bind()).isEqualTo("10.89.0.1");
      assertThat(CliOptions.parse("--bind=fd00::1").bind()).isEqualTo("fd00::1");
    }

    @Test
    void badValuesAreExplainedInOneLine() {
      assertThatThrownBy(() -> CliOptions.parse("--port", "http")).hasMessage(
          "--port must be a whole number from 0 to 65535, not 'http'.");
      assertThatThrownBy(() -> CliOptions.parse("--fault-rate", "2")).hasMessageContaining("--fault-rate must be a number from 0.0 to 1.0");
      assertThatThrownBy(() -> CliOptions.parse("--scenario", "/no/such.json")).hasMessageContaining("does not exist");
      assertThatThrownBy(() -> CliOptions.parse("--frobnicate")).hasMessageContaining("Unknown option --frobnicate");
      assertThatThrownBy(() -> CliOptions.parse("--latency-ms")).hasMessageContaining("needs a value");
    }
  }

  @Nested
  class Main {
    @Test
    void aPortInUseIsExplainedInOneLine() {
      Exception bind = new RuntimeException("startup", new java.io.IOException("Failed to bind to /127.0.0.1:8443"));
      assertThat(EmulatorMain.startFailure(bind, "127.0.0.1", 8443))
          .isEqualTo("port 8443 on 127.0.0.1 is already in use. Choose another --port, or 0 for a free one.");
    }

    @Test
    void anAddressThatIsNotThisMachinesIsExplainedInOneLine() {
      Exception bind = new RuntimeException("startup", new java.net.BindException("Cannot assign requested address"));
      assertThat(EmulatorMain.startFailure(bind, "10.99.99.99", 0))
          .isEqualTo("10.99.99.99 is not an address of this machine. Pass --bind with one of its addresses (ip -br addr).");
    }

    @Test
    void aWildcardBindIsRefusedWithExit2BecauseNoClientCanConnectToIt() {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = EmulatorMain.run(new String[] {"--bind", "0.0.0.0"}, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(code).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
          .startsWith("jit-emulator: --bind needs the one address clients connect to");
    }

    @Test
    void anUnreadableScenarioIsOneLineAndExit2(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
      Path bad = java.nio.file.Files.writeString(dir.resolve("s.json"), "{oops");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = EmulatorMain.run(new String[] {"--scenario", bad.toString()}, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(code).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
          .startsWith("jit-emulator: Cannot read scenario").contains("column: 2");
    }

    @Test
    void badArgumentsExitWith2AndPrintTheReasonAndUsageButNoStackTrace() {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = EmulatorMain.run(new String[] {"--throttle-rps", "lots"}, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      String text = err.toString(StandardCharsets.UTF_8);
      assertThat(code).isEqualTo(2);
      assertThat(text).startsWith("jit-emulator: --throttle-rps must be a number").contains("Usage:").doesNotContain("\tat ");
    }
  }
}
