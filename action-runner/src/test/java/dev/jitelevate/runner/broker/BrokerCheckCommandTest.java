package dev.jitelevate.runner.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.runner.JitElevate;
import dev.jitelevate.runner.Redactor;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.Env;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCheckCommandTest {
  static final String RG = BrokerPolicyTest.RG;
  final TestIssuer issuer = new TestIssuer();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path dir;
  Path jwks;
  String token;

  @BeforeEach
  void files() throws IOException {
    jwks = Files.writeString(dir.resolve("jwks.json"), issuer.jwks().toString());
    token = issuer.token(c -> c.issueTime(Date.from(Instant.now())).notBeforeTime(Date.from(Instant.now()))
        .expirationTime(Date.from(Instant.now().plusSeconds(300))));
  }

  int check(String tokenText, String... request) throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("token.jwt"), tokenText);
    String[] base = {"broker", "check", "--policy", BrokerPolicyTest.EXAMPLE.toString(), "--id-token",
        tokenFile.toString(), "--jwks", jwks.toString()};
    String[] args = new String[base.length + request.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(request, 0, args, base.length, request.length);
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new Redactor());
    return JitElevate.commandLine(new JitElevate(new Env(Map.of()), console)).execute(args);
  }

  @Test
  void printsTheAllowingRuleAndExitsZero() throws IOException {
    int code = check(token, "--role", "Contributor", "--scope", RG, "--duration", "30m", "--justification", "deploy 3d5f0c1");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ALLOWED by rule 'payments-deploy'");
  }

  @Test
  void printsTheDenyingRuleAndExitsThree() throws IOException {
    int code = check(token, "--role", "Contributor", "--scope", RG, "--duration", "3h");

    assertThat(code).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("DENIED by rule 'payments-deploy'")
        .contains("duration 3h exceeds max-duration 1h");
  }

  @Test
  void aTokenSignedByAnotherKeyIsAnAuthenticationErrorExitingFiveWithoutTheToken() throws Exception {
    String forged = TestIssuer.sign(com.nimbusds.jwt.JWTClaimsSet.parse(payload(token)), TestIssuer.generate("test-kid"));

    int code = check(forged, "--role", "Contributor", "--scope", RG);

    assertThat(code).isEqualTo(5);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("authentication: ID token verification failed (signature)")
        .doesNotContain(forged.substring(0, 40));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aBadPolicyFileNamesItsLineAndExitsTwo() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yml"), "version: 1\nrules:\n  - name: x\n    effect: allow\n"
        + "    when:\n      branch: main\n    grant:\n      target: group\n      groups: [g]\n      max-duration: 1h\n");
    Path tokenFile = Files.writeString(dir.resolve("t.jwt"), token);
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new Redactor());

    int code = JitElevate.commandLine(new JitElevate(new Env(Map.of()), console)).execute("broker", "check",
        "--policy", bad.toString(), "--id-token", tokenFile.toString(), "--jwks", jwks.toString(), "--target", "group",
        "--group", "g");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad + ":6: Unknown claim 'branch'");
  }

  private static Map<String, Object> payload(String jwt) {
    try {
      return com.nimbusds.jwt.SignedJWT.parse(jwt).getJWTClaimsSet().toJSONObject();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
