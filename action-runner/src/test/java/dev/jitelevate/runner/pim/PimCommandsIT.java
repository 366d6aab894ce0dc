package dev.jitelevate.runner.pim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.JitElevate;
import dev.jitelevate.runner.Redactor;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jit-elevate pim …} in process against the demo tenant, signed in as its broker through the environment. */
class PimCommandsIT {
  private static final String SUBSCRIPTION = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  private static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  private static PimEmulator emulator;
  private static Path profile;

  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void start(@TempDir Path shared) {
    emulator = PimEmulator.builder().scenario(withGraphWrites(Scenario.demo())).start();
    profile = emulator.writeProfile(shared.resolve("profile.json"));
  }

  /** The demo tenant whose broker may also write directory role and group policies and group eligibilities. */
  private static Scenario withGraphWrites(Scenario demo) {
    ObjectNode root = demo.root().deepCopy();
    for (JsonNode sp : root.path("servicePrincipals")) {
      if (sp.path("displayName").asText().equals("jit-broker")) {
        List.of("RoleManagementPolicy.ReadWrite.Directory", "RoleManagementPolicy.ReadWrite.AzureADGroup",
            "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup").forEach(((ArrayNode) sp.get("appRoles"))::add);
      }
    }
    return new Scenario(root).withPageSize(3);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    Env env = new Env(Map.of("AZURE_TENANT_ID", emulator.tenantId(),
        "AZURE_CLIENT_ID", "b0b0b0b0-0000-4000-8000-0000000000a1", "AZURE_CLIENT_SECRET", BROKER_SECRET));
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new Redactor());
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("lint")) {
      all.addAll(List.of("--auth", "environment", "--cloud-profile", profile.toString()));
    }
    return JitElevate.commandLine(new JitElevate(env, console)).execute(all.toArray(String[]::new));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void importThenPlanExitsZeroAndAnEditExitsTwoUntilApplied() throws Exception {
    Path file = dir.resolve("pim.yaml");
    assertThat(run("pim", "import", "--scope", SUBSCRIPTION, "--out", file.toString())).isZero();
    assertThat(run("pim", "plan", file.toString())).isZero();
    assertThat(out()).contains("No changes");

    Files.writeString(file, Files.readString(file).replaceFirst("maximumActivation: PT8H", "maximumActivation: PT2H"));
    assertThat(run("pim", "plan", file.toString(), "--json")).isEqualTo(2);
    assertThat(out()).contains("\"before\" : \"PT8H\"", "\"after\" : \"PT2H\"");

    Path saved = dir.resolve("plan.json");
    assertThat(run("pim", "plan", file.toString(), "--out", saved.toString())).isEqualTo(2);
    assertThat(run("pim", "apply", file.toString(), "--plan", file.toString())).isEqualTo(1);
    assertThat(err()).contains("not a saved plan");
    assertThat(run("pim", "apply", file.toString(), "--plan", saved.toString())).isZero();
    assertThat(run("pim", "drift", file.toString(), "--summary", dir.resolve("summary.md").toString())).isZero();
    assertThat(Files.readString(dir.resolve("summary.md"))).contains("No PIM drift");
    assertThat(out() + err()).doesNotContain(BROKER_SECRET);
  }

  @Test
  void directoryRolesAndGroupsRoundTripThroughImportPlanApplyAndDrift() throws Exception {
    Path file = dir.resolve("pim.yaml");
    assertThat(run("pim", "import", "--directory-roles", "--group", "grp-prod-admins", "--out", file.toString()))
        .isZero();
    assertThat(Files.readString(file)).contains("directoryRoles:", "groups:", "role: Privileged Role Administrator");
    assertThat(run("pim", "plan", file.toString())).isZero();
    assertThat(out()).contains("No changes");

    Files.writeString(file, Files.readString(file).replaceFirst("maximumActivation: PT8H", "maximumActivation: PT2H")
        .replace("groups:\n  assignments:\n", """
            groups:
              assignments:
                - principal: bob@contoso-emu.onmicrosoft.com
                  group: grp-prod-admins
                  access: member
                  type: eligible
                  duration: P30D
            """));
    assertThat(run("pim", "plan", file.toString())).isEqualTo(2);
    assertThat(out()).contains("Directory roles:", "~ policy of User Administrator in the tenant",
        "maximumActivation: PT8H → PT2H", "PIM for Groups:",
        "+ eligible member of grp-prod-admins for bob@contoso-emu.onmicrosoft.com",
        "Plan: 1 to create, 1 to update, 0 to remove.");
    assertThat(run("pim", "apply", file.toString())).isZero();
    assertThat(run("pim", "drift", file.toString(), "--summary", dir.resolve("summary.md").toString())).isZero();
    assertThat(Files.readString(dir.resolve("summary.md"))).contains("No PIM drift");
  }

  @Test
  void importWithNothingToImportIsOneLineAndExitCodeOne() {
    assertThat(run("pim", "import")).isEqualTo(1);

    assertThat(err().strip()).isEqualTo("pim import: nothing to import. Name at least one --scope, --directory-roles or"
        + " --group.");
  }

  @Test
  void lintFailsOnAStandingGlobalAdministratorAndAnApproverWhoIsEligible() throws Exception {
    Path file = Files.writeString(dir.resolve("pim.yaml"), """
        version: 1
        breakGlass: [bg@contoso.com]
        directoryRoles:
          assignments:
            - principal: bg@contoso.com
              role: Global Administrator
              type: active
            - principal: carol@contoso.com
              role: Global Administrator
              type: active
        groups:
          assignments:
            - principal: dave@contoso.com
              group: grp-prod-admins
              access: member
              type: eligible
              duration: P30D
          policies:
            - group: grp-prod-admins
              access: member
              requireApproval: true
              approvers: [dave@contoso.com]
        """);

    assertThat(run("pim", "lint", file.toString())).isEqualTo(2);

    assertThat(out()).contains(file + ":8: error PIM011 Permanent Global Administrator carol@contoso.com",
        file + ":19: error PIM009 Approver dave@contoso.com");
  }

  @Test
  void aBadFileIsOneLineWithFileAndLineAndExitCodeOne() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nazureRoles:\n  assignments:\n    - role: Reader\n");

    assertThat(run("pim", "plan", file.toString())).isEqualTo(1);

    assertThat(err().strip()).startsWith("pim plan: " + file + ":4: ").doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void lintFailsOnAStandingOwnerWithItsRuleAndLine() throws Exception {
    Path file = Files.writeString(dir.resolve("pim.yaml"), """
        version: 1
        breakGlass: [bg@contoso.com]
        azureRoles:
          assignments:
            - principal: grp-ops
              role: Owner
              scope: %s/resourceGroups/rg-app
              type: active
        """.formatted(SUBSCRIPTION));

    assertThat(run("pim", "lint", file.toString())).isEqualTo(2);

    assertThat(out()).contains(file + ":5: error PIM002");
  }
}
