package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The leak check every CLI test runs on what it saw: no secret of the demo scenario (client secrets,
 * passwords, the OIDC request token, Key Vault secret values), no extra secret the test knows (rotated
 * values), and nothing shaped like a JWT (access or OIDC tokens) in stdout, stderr or a record.
 */
final class KnownSecrets {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.");
  private final List<String> values = new ArrayList<>();

  private KnownSecrets() {}

  /** The demo scenario's secrets. */
  static KnownSecrets ofDemoScenario() {
    KnownSecrets s = new KnownSecrets();
    Scenario demo = Scenario.demo();
    demo.section("servicePrincipals").forEach(sp -> sp.path("secrets").forEach(v -> s.values.add(v.asText())));
    demo.section("users").forEach(u -> s.values.add(u.path("password").asText()));
    s.values.add(demo.section("github").path("requestToken").asText());
    for (JsonNode vault : demo.section("vaults")) {
      vault.path("secrets").forEach(secret -> s.values.add(secret.path("value").asText()));
    }
    s.values.removeIf(String::isBlank);
    return s;
  }

  /** Adds a value the test knows is secret. */
  KnownSecrets and(String value) {
    values.add(value);
    return this;
  }

  /** Asserts none of the secrets, and no JWT, appears in the text. */
  void assertNoneIn(String what, String text) {
    for (String secret : values) {
      assertThat(text).as("%s must not contain a secret", what).doesNotContain(secret);
    }
    assertThat(JWT.matcher(text).find()).as("%s must not contain a token", what).isFalse();
  }

  void assertNoneIn(CliProcess.Result result) {
    assertNoneIn("stdout", result.out());
    assertNoneIn("stderr", result.err());
  }

  void assertNoneInFile(Path file) throws IOException {
    assertNoneIn(file.toString(), Files.readString(file));
  }

  /** How many of the secrets (and JWTs) appear in the text: the canary's hits. */
  int hits(String text) {
    int hits = (int) values.stream().filter(text::contains).count();
    return hits + (JWT.matcher(text).find() ? 1 : 0);
  }

  int size() {
    return values.size();
  }
}
