package dev.jitelevate.runner.cli;

import dev.jitelevate.emulator.PimEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CI app elevated by the broker on each kind of target, as CLI process tests run it against the emulator. */
final class CliTargets {
  private final PimEmulator emulator;
  private final Path dir;
  private final Path profile;

  CliTargets(PimEmulator emulator, Path dir) {
    this.emulator = emulator;
    this.dir = dir;
    this.profile = emulator.writeProfile(dir.resolve("profile.json"));
  }

  /** The CI app signed in through workload identity, with the broker's secret. */
  CliProcess cli() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), emulator.github().idToken(DemoWorld.FEDERATION_AUDIENCE));
    return new CliProcess().env("AZURE_TENANT_ID", emulator.tenantId()).env("AZURE_CLIENT_ID", DemoWorld.CI_APP_ID)
        .env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString()).env(Env.BROKER_SECRET, DemoWorld.BROKER_SECRET);
  }

  List<String> signIn() {
    return List.of("--auth", "environment", "--cloud-profile", profile.toString(), "--broker-client-id",
        DemoWorld.BROKER_APP_ID, "--minimum-active-duration", "1s");
  }

  /** {@code elevate} of the CI app by the broker to the target ({@code azure-role}, {@code directory-role}, {@code group}). */
  List<String> elevate(String target, String... more) {
    List<String> args = new ArrayList<>(List.of("elevate", "--strategy", "broker", "--target", target, "--duration", "30m",
        "--justification", "rotate the payments password"));
    args.addAll(switch (target) {
      case "azure-role" -> List.of("--role", DemoWorld.ROLE, "--scope", DemoWorld.SCOPE);
      case "directory-role" -> List.of("--role", "User Administrator");
      default -> List.of("--group", "grp-prod-admins");
    });
    args.addAll(signIn());
    args.addAll(List.of(more));
    return args;
  }

  /** {@code revoke --handle FILE} as the same identity. */
  List<String> revoke(Path handle, String... more) {
    List<String> args = new ArrayList<>(List.of("revoke", "--handle", handle.toString()));
    args.addAll(signIn());
    args.addAll(List.of(more));
    return args;
  }
}
