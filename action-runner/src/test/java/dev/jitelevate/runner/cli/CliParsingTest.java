package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.JitElevate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CliParsingTest {
  static final String SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";
  final CapturedConsole captured = new CapturedConsole();
  final CommandLine cli = JitElevate.commandLine(new JitElevate(new Env(Map.of()), captured.console));

  ElevateCommand elevate(String... args) {
    CommandLine.ParseResult result = cli.parseArgs(args);
    return (ElevateCommand) result.subcommand().commandSpec().userObject();
  }

  @Nested
  class Elevate {
    @Test
    void readsAnAzureRoleRequestWithHumanDurations() {
      ElevationRequest r = elevate("elevate", "--target", "azure-role", "--role", "Key Vault Secrets Officer",
          "--scope", SCOPE, "--duration", "1h30m", "--justification", "rotate", "--approval-timeout", "2m",
          "--propagation-timeout", "PT3M", "--revoke-policy", "expire", "--strategy", "broker").request.toRequest();

      assertThat(r.target()).isInstanceOf(ElevationTarget.AzureRole.class);
      assertThat(r.target().describe()).contains("Key Vault Secrets Officer").contains(SCOPE);
      assertThat(r.duration()).isEqualTo(Duration.ofMinutes(90));
      assertThat(r.approvalTimeout()).isEqualTo(Duration.ofMinutes(2));
      assertThat(r.propagationTimeout()).isEqualTo(Duration.ofMinutes(3));
      assertThat(r.revokePolicy()).isEqualTo(RevokePolicy.LEAVE_TO_EXPIRY);
      assertThat(r.strategy()).isEqualTo(Strategy.BROKER);
    }

    @Test
    void defaultsToSelfFor30MinutesWaitingOutTheFloor() {
      ElevationRequest r = elevate("elevate", "--target", "directory-role", "--role", "User Administrator").request.toRequest();

      assertThat(r.strategy()).isEqualTo(Strategy.SELF);
      assertThat(r.duration()).isEqualTo(Duration.ofMinutes(30));
      assertThat(r.revokePolicy()).isEqualTo(RevokePolicy.WAIT_FOR_MINIMUM);
      assertThat(r.dryRun()).isFalse();
      assertThat(r.target().describe()).contains("User Administrator").contains("at /");
    }

    @Test
    void readsSeveralTargetsInTheCompactSyntaxAsOneRequestEach() {
      java.util.List<ElevationRequest> rs = elevate("elevate", "--target", "azure-role:Contributor@" + SCOPE,
          "--target", "directory-role:User Administrator", "--target", "group:owner@grp-ops", "--duration", "1h",
          "--strategy", "broker").request.toRequests(java.nio.file.Path.of("absent.yaml"));

      assertThat(rs).extracting(ElevationRequest::target).hasExactlyElementsOfTypes(ElevationTarget.AzureRole.class,
          ElevationTarget.DirectoryRole.class, ElevationTarget.Group.class);
      assertThat(rs).allSatisfy(r -> {
        assertThat(r.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(r.strategy()).isEqualTo(Strategy.BROKER);
      });
    }

    @Test
    void takesASetsTargetsAndDefaultsWhileExplicitOptionsWin(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws Exception {
      java.nio.file.Path sets = java.nio.file.Files.writeString(dir.resolve("sets.yaml"), "sets:\n  oncall:\n"
          + "    duration: 2h\n    justification: on call\n    targets:\n      - group:grp-ops\n"
          + "      - directory-role:User Administrator\n");
      java.util.List<ElevationRequest> fromSet = elevate("elevate", "--set", "oncall").request.toRequests(sets);
      assertThat(fromSet).hasSize(2).allSatisfy(r -> {
        assertThat(r.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(r.justification()).isEqualTo("on call");
      });
      java.util.List<ElevationRequest> overridden = elevate("elevate", "--set", "oncall", "--config", sets.toString(),
          "--duration", "45m").request.toRequests(dir.resolve("elsewhere.yaml"));
      assertThat(overridden).allSatisfy(r -> assertThat(r.duration()).isEqualTo(Duration.ofMinutes(45)));
    }

    @Test
    void refusesTargetsThatCannotGoTogether() {
      assertThatThrownBy(() -> elevate("elevate", "--target", "group", "--target", "directory-role:X").request
          .toRequests(java.nio.file.Path.of("absent.yaml"))).isInstanceOf(CliInputException.class)
          .hasMessageContaining("compact syntax");
      assertThatThrownBy(() -> elevate("elevate", "--target", "group:g", "--role", "Reader").request
          .toRequests(java.nio.file.Path.of("absent.yaml"))).hasMessageContaining("--role does not apply");
      assertThatThrownBy(() -> elevate("elevate", "--set", "oncall", "--target", "group:g").request
          .toRequests(java.nio.file.Path.of("absent.yaml"))).hasMessageContaining("--set and --target");
      assertThatThrownBy(() -> elevate("elevate", "--set", "oncall").request.toRequests(java.nio.file.Path.of("absent.yaml")))
          .isInstanceOf(CliInputException.class).hasMessageContaining("There is no sets file");
      assertThatThrownBy(() -> elevate("elevate").request.toRequests(java.nio.file.Path.of("absent.yaml")))
          .hasMessageContaining("No target was given");
    }

    @Test
    void readsGroupAccess() {
      ElevationRequest r = elevate("elevate", "--target", "group", "--group", "grp-prod-admins", "--access", "owner")
          .request.toRequest();

      assertThat(((ElevationTarget.Group) r.target()).access()).isEqualTo(GroupAccess.OWNER);
    }

    @Test
    void takesEverythingAfterTheDoubleDashAsTheCommandEvenWhatLooksLikeOptions() {
      ElevateCommand c = elevate("elevate", "--target", "group", "--group", "g", "--", "az", "keyvault", "list",
          "--output", "json", "--json");

      assertThat(c.command).containsExactly("az", "keyvault", "list", "--output", "json", "--json");
      assertThat(c.output.json()).isFalse();
    }

    @Test
    void putsThePullRequestIntoTheJustificationAndTheLabels() {
      ElevationRequest r = elevate("elevate", "--target", "group", "--group", "g", "--justification", "hotfix",
          "--pr", "https://github.com/contoso/payments/pull/42/files").request.toRequest();

      assertThat(r.justification()).isEqualTo("hotfix [PR contoso/payments#42 (https://github.com/contoso/payments/pull/42)]");
      assertThat(r.labels()).containsEntry("pr.number", "42").containsEntry("pr.repository", "contoso/payments");
    }

    @Test
    void refusesARoleForTheGroupTargetNamingTheOption() {
      assertThatThrownBy(() -> elevate("elevate", "--target", "group", "--group", "g", "--role", "Reader").request.toRequest())
          .isInstanceOf(CliInputException.class).hasMessageContaining("--role does not apply")
          .extracting(e -> ((CliInputException) e).option()).isEqualTo("--role");
    }

    @Test
    void refusesAnAzureRoleWithoutAScope() {
      assertThatThrownBy(() -> elevate("elevate", "--target", "azure-role", "--role", "Reader").request.toRequest())
          .isInstanceOf(CliInputException.class).hasMessageContaining("needs --scope");
    }

    @Test
    void refusesATicketSystemWithoutANumber() {
      assertThatThrownBy(() -> elevate("elevate", "--target", "group", "--group", "g", "--ticket-system", "Jira").request.toRequest())
          .isInstanceOf(CliInputException.class).hasMessageContaining("--ticket-number");
    }
  }

  @Nested
  class BadInput {
    int run(String... args) {
      return cli.execute(args);
    }

    @Test
    void anUnreadableDurationExitsWith2AndOneLineNamingTheOptionAndTheFix() {
      assertThat(run("elevate", "--target", "group", "--group", "g", "--duration", "30x")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString()
          .contains("--duration").contains("Use a form like 30m").doesNotContain("Exception");
    }

    @Test
    void aDurationBelowPimsFloorExitsWith2NamingTheOption() {
      assertThat(run("elevate", "--target", "group", "--group", "g", "--duration", "2m")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().startsWith("jit-elevate elevate: --duration:");
    }

    @Test
    void rbacWithTheExpirePolicyExitsWith2NamingTheOptionBeforeSigningIn() {
      assertThat(run("elevate", "--target", "azure-role", "--role", "Reader", "--scope", "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12",
          "--strategy", "rbac", "--revoke-policy", "expire")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString()
          .startsWith("jit-elevate elevate: --revoke-policy:").contains("no server-side expiry");
    }

    @Test
    void anUnknownTargetExitsWith2ListingTheKinds() {
      assertThat(run("elevate", "--target", "vm")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().contains("azure-role, directory-role or group");
    }

    @Test
    void aMissingBrokerSecretExitsWith2NamingTheVariable() {
      assertThat(run("elevate", "--target", "group", "--group", "g", "--strategy", "broker", "--broker-client-id", "x",
          "--tenant", "t")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString()
          .contains("--broker-client-id").contains(Env.BROKER_SECRET);
    }

    @Test
    void aMissingCloudProfileExitsWith2NamingTheOption() {
      assertThat(run("status", "--cloud-profile", "/nonexistent/profile.json")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().contains("--cloud-profile").contains("does not exist");
    }

    @Test
    void aCloudAndACloudProfileTogetherAreRefused() {
      assertThat(run("status", "--cloud", "azurecloud", "--cloud-profile", "p.json")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().contains("mutually exclusive");
    }

    @Test
    void aMaximumTokenLifetimeThatIsNoPositiveDurationIsRefusedNamingTheOption() {
      assertThat(run("elevate", "--target", "group", "--group", "g", "--max-token-lifetime", "0s")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().contains("--max-token-lifetime").contains("90m");
    }

    @Test
    void readsTheConflictPolicyDefaultingToShareForAPersonAndToWaitForABroker() {
      assertThat(elevate("elevate", "--target", "group", "--group", "g").request.toRequest().onConflict())
          .isEqualTo(dev.jitelevate.core.OnConflict.SHARE);
      assertThat(elevate("elevate", "--target", "group", "--group", "g", "--strategy", "broker").request.toRequest()
          .onConflict()).isEqualTo(dev.jitelevate.core.OnConflict.WAIT);
      assertThat(elevate("elevate", "--target", "directory-role", "--role", "User Administrator", "--on-conflict", "share")
          .request.toRequest().onConflict()).isEqualTo(dev.jitelevate.core.OnConflict.SHARE);
      assertThat(elevate("elevate", "--target", "azure-role", "--role", "Reader", "--scope", SCOPE, "--on-conflict", "FAIL")
          .request.toRequest().onConflict()).isEqualTo(dev.jitelevate.core.OnConflict.FAIL);
    }

    @Test
    void anUnwritableRecordPathIsRefusedBeforeSigningIn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws Exception {
      java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "x");
      assertThat(run("elevate", "--target", "group", "--group", "g", "--record-out", file.resolve("r.json").toString(),
          "--", "true")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().contains("--record-out").contains("nothing was elevated");
    }

    @Test
    void anUnknownConflictPolicyIsRefusedNamingTheValues() {
      assertThat(run("elevate", "--target", "group", "--group", "g", "--on-conflict", "steal")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().contains("--on-conflict").contains("wait")
          .contains("share").contains("fail");
    }

    @Test
    void readsTheMaximumTokenLifetimeDefaulting90Minutes() {
      assertThat(elevate("elevate", "--target", "group", "--group", "g").exposure.maxTokenLifetime())
          .isEqualTo(Duration.ofMinutes(90));
      assertThat(elevate("elevate", "--target", "group", "--group", "g", "--max-token-lifetime", "2h").exposure
          .maxTokenLifetime()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anUnknownCommandExitsWith2() {
      assertThat(run("frobnicate")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.err().lines()).singleElement().asString().contains("frobnicate");
    }

    @Test
    void withJsonABadRequestIsAlsoAJsonErrorOnStdout() {
      assertThat(run("elevate", "--json", "--target", "group", "--group", "g", "--duration", "1m")).isEqualTo(ExitCodes.USAGE);
      assertThat(captured.out()).contains("\"error\"").contains("\"kind\" : \"INVALID_REQUEST\"").contains("\"exitCode\" : 2");
    }
  }

  @Nested
  class Root {
    @Test
    void keepsTheActionEntrypointsRegistered() {
      assertThat(cli.getSubcommands()).containsKeys("action", "action-post", "elevate", "status", "revoke", "sweep", "demo");
    }

    @Test
    void neverAcceptsASecretAsAnArgument() {
      cli.getSubcommands().values().forEach(sub -> assertThat(sub.getCommandSpec().options())
          .extracting(OptionSpec::longestName).noneMatch(n -> n.toLowerCase().contains("secret")));
    }

    @Test
    void printsTheVersionAndHelpWithExit0() {
      assertThat(cli.execute("--version")).isZero();
      assertThat(cli.execute("elevate", "--help")).isZero();
    }

    @Test
    void everyCommandOffersJson() {
      for (String name : new String[] {"elevate", "status", "revoke", "sweep", "demo"}) {
        assertThat(cli.getSubcommands().get(name).getCommandSpec().findOption("--json")).as(name).isNotNull();
      }
    }
  }
}
