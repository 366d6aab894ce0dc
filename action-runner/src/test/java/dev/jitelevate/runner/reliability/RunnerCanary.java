package dev.jitelevate.runner.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.action.ArtifactServiceFake;
import dev.jitelevate.runner.action.SimulatedRunner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The runner-level secret canary: watches the demo scenario's secrets (the broker's client secret, passwords,
 * the OIDC request token, the vault's values), every value the test adds (rotated values, the runtime token),
 * and anything shaped like a JWT (OIDC ID tokens, access tokens) outside {@code ::add-mask::} lines; scans
 * stdout, stderr, GITHUB_OUTPUT, GITHUB_STATE (raw and decoded), the step summary, every file the steps left
 * in the workspace (the records) and every uploaded artifact. Hits are described without the value.
 */
final class RunnerCanary {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.");
  private final Set<String> secrets = new LinkedHashSet<>();
  private final List<String[]> texts = new ArrayList<>();

  RunnerCanary() {
    Scenario demo = Scenario.demo();
    demo.section("servicePrincipals").forEach(sp -> sp.path("secrets").forEach(v -> watch(v.asText())));
    demo.section("users").forEach(u -> watch(u.path("password").asText()));
    watch(demo.section("github").path("requestToken").asText());
    for (JsonNode vault : demo.section("vaults")) {
      vault.path("secrets").forEach(secret -> watch(secret.path("value").asText()));
    }
  }

  RunnerCanary watch(String value) {
    if (value != null && !value.isBlank()) {
      secrets.add(value);
    }
    return this;
  }

  int watched() {
    return secrets.size();
  }

  void scan(String where, String text) {
    texts.add(new String[] {where, text == null ? "" : text});
  }

  /** Everything a step left: logs, file commands, summary. */
  void scanStep(String name, SimulatedRunner.Step step) {
    scan(name + " stdout", withoutMasks(step.stdout()));
    scan(name + " stderr", withoutMasks(step.stderr()));
    scan(name + " GITHUB_OUTPUT", read(step.outputFile()));
    scan(name + " GITHUB_STATE", read(step.stateFile()));
    step.state().values().forEach(v -> scan(name + " GITHUB_STATE (decoded)", decode(v)));
    scan(name + " GITHUB_STEP_SUMMARY", step.summary());
  }

  /** Every file under the workspace but the cloud profile (the records, anything else a step wrote). */
  void scanWorkspace(Path workspace) {
    try (Stream<Path> files = Files.walk(workspace)) {
      files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("cloud-profile.json"))
          .forEach(f -> scan("file " + workspace.relativize(f), read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every body the fake artifact service received, unzipped. */
  void scanArtifacts(ArtifactServiceFake artifacts) {
    for (ArtifactServiceFake.Call call : artifacts.calls) {
      if (call.json() != null) {
        scan("artifact call " + call.path(), call.json().toString());
      } else if (call.body() != null && call.body().length > 0) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(call.body()))) {
          for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            scan("artifact entry " + e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          scan("artifact body", new String(call.body(), StandardCharsets.ISO_8859_1));
        }
      }
    }
  }

  /** Every place a watched value or a JWT appears, without the value. */
  List<String> hits() {
    List<String> hits = new ArrayList<>();
    int index = 0;
    for (String secret : secrets) {
      index++;
      for (String[] t : texts) {
        for (String form : forms(secret)) {
          if (t[1].contains(form)) {
            hits.add("secret #" + index + " (" + secret.length() + " chars) in " + t[0]);
            break;
          }
        }
      }
    }
    for (String[] t : texts) {
      if (JWT.matcher(t[1]).find()) {
        hits.add("a JWT-shaped token in " + t[0]);
      }
    }
    return hits;
  }

  private static String withoutMasks(String log) {
    return String.join("\n", log.lines().filter(l -> !l.startsWith("::add-mask::")).toList());
  }

  private static Set<String> forms(String value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    return forms;
  }

  private static String decode(String v) {
    try {
      return new String(Base64.getUrlDecoder().decode(v.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return v;
    }
  }

  static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return new String(readBytes(f), StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] readBytes(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
