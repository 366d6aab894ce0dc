package dev.jitelevate.runner.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.HardenedBrokerScenario;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jit-elevate doctor} against the emulator: the examples' old shared-subject set-up and the hardened one. */
class DoctorIT {
  static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  static final String DOCTOR_APP = "d0c70000-0000-4000-8000-0000000000a1";
  static final String DOCTOR_SECRET = "doctor-reader-secret-2b9e";
  static final String POLICY = "version: 1\nrules:\n  - name: payments-deploy\n    effect: allow\n    when:\n"
      + "      repository: contoso/payments\n      environment: production\n"
      + "      job_workflow_ref: contoso/jit-elevate/.github/workflows/jit-broker.yml@*\n    grant:\n"
      + "      target: azure-role\n      roles: [Contributor, Key Vault Secrets Officer]\n"
      + "      scope-prefix: " + HardenedBrokerScenario.BROKER_SCOPE + "\n      max-duration: 1h\n";
  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  /** The demo tenant plus the person running the doctor: an app that reads applications and role assignments. */
  static Scenario withReader(Scenario base) {
    ObjectNode root = base.root().deepCopy();
    ObjectNode sp = ((ArrayNode) root.path("servicePrincipals")).addObject();
    sp.put("id", "d0c70000-0000-4000-8000-000000000001").put("appId", DOCTOR_APP).put("displayName", "jit-doctor");
    sp.putArray("secrets").add(DOCTOR_SECRET);
    sp.putArray("appRoles").add("Application.Read.All");
    ((ArrayNode) root.path("arm").path("roleAssignments")).addObject()
        .put("principalId", "d0c70000-0000-4000-8000-000000000001").put("role", "Reader")
        .put("scope", "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12");
    return new Scenario(root);
  }

  Run doctor(Scenario scenario, String... extra) throws Exception {
    try (PimEmulator emulator = PimEmulator.builder().scenario(scenario).hazards(Hazards.none()).start()) {
      Path profile = emulator.writeProfile(dir.resolve("profile.json"));
      Path policy = Files.writeString(dir.resolve("broker-policy.yml"), POLICY);
      List<String> args = new ArrayList<>(List.of("doctor", "--broker", BROKER_APP, "--workload", CI_APP,
          "--policy", policy.toString(), "--auth", "environment", "--cloud-profile", profile.toString()));
      args.addAll(List.of(extra));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), new Redactor());
      Env env = new Env(Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", DOCTOR_APP, "AZURE_CLIENT_SECRET", DOCTOR_SECRET));
      int code = JitElevate.commandLine(new JitElevate(env, console)).execute(args.toArray(String[]::new));
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void flagsTheExamplesOldSharedSubjectSetUpWithFixes() throws Exception {
    Run run = doctor(withReader(Scenario.demo()));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out()).contains("[shared-subject]", "[broker-subject-without-job-workflow-ref]",
        "[broker-subject-without-environment]", "[broker-role-too-broad]", "[broker-scope-too-broad]")
        .contains("User Access Administrator")
        .contains("--role \"Role Based Access Control Administrator\" --scope " + HardenedBrokerScenario.BROKER_SCOPE)
        .contains("ForAnyOfAnyValues:GuidEquals {b24988ac-6180-42a0-ab88-20f7382dd24c, b86a8fe4-44ce-4948-aee5-eccb2c155cd7}");
    assertThat(run.out() + run.err()).doesNotContain(DOCTOR_SECRET);
  }

  @Test
  void passesTheHardenedSetUp() throws Exception {
    Run run = doctor(HardenedBrokerScenario.of(withReader(Scenario.demo())));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("No findings");
  }

  @Test
  void printsTheFindingsAsJson() throws Exception {
    Run run = doctor(withReader(Scenario.demo()), "--json");

    assertThat(run.exitCode()).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("ok").asBoolean()).isFalse();
    List<String> codes = new ArrayList<>();
    report.path("findings").forEach(f -> codes.add(f.path("code").asText()));
    assertThat(codes).contains("shared-subject", "broker-role-too-broad");
    assertThat(report.path("findings").get(0).path("fix").asText()).isNotBlank();
  }

  @Test
  void aReaderWithoutApplicationReadAllIsToldWhatItNeeds() throws Exception {
    ObjectNode root = withReader(Scenario.demo()).root().deepCopy();
    root.path("servicePrincipals").forEach(sp -> {
      if (DOCTOR_APP.equals(sp.path("appId").asText())) {
        ((ObjectNode) sp).putArray("appRoles").add("Directory.Read.All");
      }
    });
    Run run = doctor(new Scenario(root));

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("Authorization_RequestDenied").contains("Application.Read.All").contains("request id");
  }
}
