package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.JitElevate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jit-elevate secrets stale} against the emulator: a scenario vault with 35 secrets (two pages) of which
 * three are stale and one is disabled. The CI identity lists with Key Vault Reader only, and rotates the stale
 * ones under one broker elevation to Key Vault Secrets Officer.
 */
class StaleSecretsCommandIT {
  static final String VAULT_SCOPE = DemoWorld.SCOPE + "/providers/Microsoft.KeyVault/vaults/" + DemoWorld.VAULT;
  static final String[] SECRET_VALUES = {"old-db-password-Q1", "api-key-soon-W2", "expired-token-E3", "fresh-R4", "off-T5"};

  @TempDir Path dir;
  PimEmulator emulator;
  Path profile;
  final CapturedConsole captured = new CapturedConsole();

  void start(boolean reader) throws Exception {
    start(reader, true);
  }

  void start(boolean reader, boolean withStale) throws Exception {
    ObjectNode root = (ObjectNode) Scenario.demo().root().deepCopy();
    ArrayNode secrets = ((ObjectNode) root.path("vaults").get(0)).putArray("secrets");
    if (withStale) {
      staleSecrets(secrets);
    }
    secrets.addObject().put("name", "fresh").put("value", SECRET_VALUES[3]).put("createdDaysAgo", 5);
    for (int i = 0; i < 30; i++) {
      secrets.addObject().put("name", String.format("filler-%02d", i)).put("value", "filler-value-" + i).put("createdDaysAgo", 1);
    }
    if (reader) {
      ((ArrayNode) root.path("arm").path("roleAssignments")).addObject().put("principalId", DemoWorld.CI_OBJECT_ID)
          .put("role", "Key Vault Reader").put("scope", VAULT_SCOPE);
    }
    emulator = PimEmulator.builder().scenario(new Scenario(root)).hazards(Hazards.none()
        .withProvisioningDelay(Duration.ofMillis(200)).withPropagationDelay(Duration.ofMillis(300))
        .withMinimumActiveDuration(Duration.ofSeconds(1))).start();
    profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  static void staleSecrets(ArrayNode secrets) {
    secrets.addObject().put("name", "db-password").put("value", SECRET_VALUES[0]).put("createdDaysAgo", 200)
        .put("contentType", "text/plain").putObject("tags").put("owner", "payments");
    secrets.addObject().put("name", "api-key").put("value", SECRET_VALUES[1]).put("createdDaysAgo", 20).put("expiresInDays", 5);
    secrets.addObject().put("name", "old-token").put("value", SECRET_VALUES[2]).put("createdDaysAgo", 40).put("expiresInDays", -3);
    secrets.addObject().put("name", "retired").put("value", SECRET_VALUES[4]).put("createdDaysAgo", 400).put("enabled", false);
  }

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  int run(String... more) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    Env env = new Env(Map.of("AZURE_TENANT_ID", emulator.tenantId(), "AZURE_CLIENT_ID", DemoWorld.CI_APP_ID,
        "AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(), Env.BROKER_SECRET, DemoWorld.BROKER_SECRET));
    List<String> args = new ArrayList<>(List.of("secrets", "stale", "--vault", DemoWorld.VAULT, "--auth", "environment",
        "--cloud-profile", profile.toString()));
    args.addAll(List.of(more));
    captured.out.reset();
    captured.err.reset();
    return JitElevate.commandLine(new JitElevate(env, captured.console)).execute(args.toArray(String[]::new));
  }

  static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  JsonNode json() throws Exception {
    return new ObjectMapper().readTree(captured.out());
  }

  @Test
  void listsTheStaleSecretsOfEveryPageWithReasonsAndNoValues() throws Exception {
    start(true);

    int code = run("--json");

    assertThat(code).as(captured.err()).isZero();
    JsonNode result = json();
    assertThat(result.path("examined").asInt()).isEqualTo(35);
    assertThat(result.path("stale").findValuesAsText("name")).containsExactlyInAnyOrder("db-password", "api-key", "old-token");
    assertThat(result.path("ignored").findValuesAsText("name")).containsExactly("retired");
    JsonNode db = stream(result.path("stale")).filter(n -> n.path("name").asText().equals("db-password")).findFirst().orElseThrow();
    assertThat(db.path("tags").path("owner").asText()).isEqualTo("payments");
    assertThat(db.path("reasons").get(0).path("text").asText()).startsWith("last rotated 200 days ago");
    for (String value : SECRET_VALUES) {
      assertThat(captured.out() + captured.err()).doesNotContain(value);
    }
    assertThat(emulator.activeAssignments()).allMatch(a -> a.fromScenario());
  }

  @Test
  void anIdentityThatCannotListIsToldWhichPermissionIsMissing() throws Exception {
    start(false);

    int code = run();

    assertThat(code).isEqualTo(4);
    assertThat(captured.err()).contains("Microsoft.KeyVault/vaults/secrets/readMetadata/action", "Key Vault Reader")
        .doesNotContain("Exception");
  }

  @Test
  void rotatesEveryStaleSecretUnderOneElevationAndLeavesNothingActive() throws Exception {
    start(true);

    int code = run("--rotate", "--strategy", "broker", "--broker-client-id", DemoWorld.BROKER_APP_ID,
        "--minimum-active-duration", "1s", "--scope", DemoWorld.SCOPE, "--justification", "quarterly rotation",
        "--record-out", dir.resolve("record.json").toString(), "--json");

    assertThat(code).as(captured.err()).isZero();
    JsonNode rotation = json().path("rotation");
    assertThat(rotation.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(rotation.path("revocation").asText()).isEqualTo("REVOKED");
    assertThat(rotation.path("requestIds")).isNotEmpty();
    assertThat(rotation.path("record").path("operation").toString()).contains("db-password", "api-key", "old-token")
        .doesNotContain("fresh").doesNotContain("filler");
    assertThat(emulator.leaks()).isEmpty();
    assertThat(emulator.activeAssignments()).allMatch(a -> a.fromScenario());
    assertThat(Files.readString(dir.resolve("record.json"), StandardCharsets.UTF_8)).doesNotContain(SECRET_VALUES[0]);

    assertThat(run("--json")).isZero();
    assertThat(json().path("stale")).isEmpty();
  }

  @Test
  void withNothingStaleRotateRequestsNoElevation() throws Exception {
    start(true, false);

    int code = run("--rotate", "--scope", DemoWorld.SCOPE);

    assertThat(code).as(captured.err()).isEqualTo(0);
    assertThat(captured.out()).contains("0 of 31 secrets", "Nothing to rotate: no elevation was requested.");
    assertThat(captured.err()).doesNotContain("resolve");
  }
}
