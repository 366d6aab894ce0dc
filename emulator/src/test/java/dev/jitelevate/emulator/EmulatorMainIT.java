package dev.jitelevate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.security.cert.CertificateFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar as a separate process, the way the README and the action use it. */
class EmulatorMainIT {
  private static final Path JAR = Path.of("target", "jit-emulator.jar");

  private static Process launch(String... args) throws IOException {
    String javaBinary = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(javaBinary, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  @Nested
  class Running {
    @Test
    void printsReadyWritesTheProfileAndStartsWithoutActiveAssignments(@TempDir Path dir) throws Exception {
      Path profileFile = dir.resolve("p.json");
      Process process = launch("--scenario", "demo", "--profile-out", profileFile.toString(), "--port", "0");
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
        assertThat(line).matches("READY https://127\\.0\\.0\\.1:\\d+/");
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readRest(out));
        String base = line.substring("READY ".length());
        JsonNode profile = Json.parse(Files.readAllBytes(profileFile));
        assertThat(profile.path("authorityHost").asText()).isEqualTo(base);
        HttpResponse<String> assignments = client(profile.path("caCertificatePem").asText()).send(
            HttpRequest.newBuilder(URI.create(base + "_emulator/assignments")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(assignments.statusCode()).isEqualTo(200);
        JsonNode value = Json.parse(assignments.body().getBytes(StandardCharsets.UTF_8)).path("value");
        assertThat(value).allSatisfy(a -> assertThat(a.path("fromScenario").asBoolean()).isTrue());
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(rest.get(20, TimeUnit.SECONDS)).as("nothing but the READY line on stdout").isEmpty();
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Nested
  class BadArguments {
    @Test
    void exitWith2AndOneClearLinePlusUsageOnStderr() throws Exception {
      Process process = launch("--fault-rate", "often");
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(err.lines().findFirst()).contains("jit-emulator: --fault-rate must be a number from 0.0 to 1.0, not 'often'.");
      assertThat(err).contains("Usage:").doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readRest(BufferedReader reader) {
    StringBuilder rest = new StringBuilder();
    try {
      for (String l = reader.readLine(); l != null; l = reader.readLine()) {
        rest.append(l).append('\n');
      }
    } catch (IOException e) {
      // the stream closes when the process ends
    }
    return rest.toString();
  }

  private static HttpClient client(String caPem) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
