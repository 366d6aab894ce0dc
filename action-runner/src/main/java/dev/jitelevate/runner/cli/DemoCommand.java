package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.keyvault.KeyVaultSecretRotation;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.JitElevate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jit-elevate demo}: the main job end to end on the embedded emulator. The CI workload identity gets
 * Key Vault Secrets Officer on the demo resource group through the broker, rotates the demo vault's
 * db-password, and is revoked; at the end no assignment is left that the scenario did not create.
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Run the whole lifecycle on the embedded emulator.",
        "Elevates the CI identity through the broker, rotates a Key Vault secret, revokes, writes the record, and "
            + "checks nothing is left active."})
public final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  JitElevate root;

  @Mixin(name = "output")
  OutputOptions output;

  @Option(names = "--record-out", paramLabel = "FILE", description = "Where to write the record (default: a temp dir).")
  Path recordOut;

  @Option(names = "--provisioning-delay", paramLabel = "DURATION", defaultValue = "200ms", converter = Millis.class,
      description = "How long the emulator keeps a request Accepted before it is Provisioned (default 200ms).")
  Duration provisioningDelay;

  @Option(names = "--propagation-delay", paramLabel = "DURATION", defaultValue = "700ms", converter = Millis.class,
      description = "How long a new assignment is not yet honoured by ARM and Key Vault (default 700ms).")
  Duration propagationDelay;

  @Option(names = "--minimum-active-duration", paramLabel = "DURATION", defaultValue = "500ms", converter = Millis.class,
      description = "The emulator's deactivation floor (5m in Azure; default 500ms, which has passed by the time the "
          + "rotation is done; longer to see the revoke wait for it).")
  Duration floor;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "250ms", converter = Millis.class,
      description = "How often the demo polls the emulator (default 250ms, in scale with its delays; real runs poll "
          + "once a second).")
  Duration pollInterval;

  @Mixin
  ExposureOptions exposure;

  @Override
  public Integer call() throws Exception {
    Console console = root.console();
    try (DemoWorld world = DemoWorld.start(root.env(), provisioningDelay, propagationDelay, floor)) {
      introduce(console, world);
      Elevator elevator = Elevator.builder().cloud(world.cloud()).tenantId(world.tenantId())
          .identity(world.ciIdentity(console.redactor())).broker(world.broker(console.redactor()))
          .listener(new EventRenderer(console, output.quiet())).maxAccessTokenLifetime(exposure.maxTokenLifetime())
          .replaceSdkSharedExecutor(true)
          .polling(PollingPolicy.defaults().withIntervals(pollInterval, pollInterval).withMinimumActiveDuration(floor)).build();
      ElevationOutcome outcome = elevator.run(request(), rotation());
      Path file = ElevationFile.writeRecord(recordOut != null ? recordOut
          : java.nio.file.Files.createTempDirectory("jit-elevate-demo").resolve("record.json"), outcome.record());
      List<String> leaks = world.leaks();
      int code = outcome.failure().map(f -> ExitCodes.of(f.kind()))
          .orElse(leaks.isEmpty() ? ExitCodes.OK : ExitCodes.of(dev.jitelevate.core.FailureKind.REVOKE_FAILED));
      report(console, outcome, file, leaks, code);
      return code;
    }
  }

  private void introduce(Console console, DemoWorld world) {
    if (output.quiet()) {
      return;
    }
    console.progress("jit-elevate demo: the main job of a CI pipeline, end to end, on the embedded emulator");
    console.progress("  emulator   " + world.baseUrl() + " (demo scenario; provisioning " + EventRenderer.took(provisioningDelay)
        + ", propagation " + EventRenderer.took(propagationDelay) + ", deactivation floor " + EventRenderer.took(floor)
        + "; polled every " + EventRenderer.took(pollInterval) + ")");
    console.progress("  identity   ci-payments-deployer " + DemoWorld.CI_OBJECT_ID + ", signing in with a GitHub OIDC token");
    console.progress("  broker     jit-broker " + DemoWorld.BROKER_APP_ID + " (secret masked)");
    console.progress("  asks for   " + DemoWorld.ROLE + " at " + DemoWorld.SCOPE + " for 30m");
    console.progress("  then       rotates " + DemoWorld.VAULT + "/" + DemoWorld.SECRET + " and revokes");
    console.progress("  keys       the emulator's token signing keys are kept in " + world.keyCache() + " for the next demo");
  }

  private static ElevationRequest request() {
    return ElevationRequest.builder().azureRole(DemoWorld.ROLE, DemoWorld.SCOPE).strategy(Strategy.BROKER)
        .duration(Duration.ofMinutes(30)).justification("jit-elevate demo: rotate the payments database password")
        .propagationTimeout(Duration.ofMinutes(1)).provisioningTimeout(Duration.ofMinutes(1))
        .label("github.repository", "contoso/payments").label("github.run_id", "demo").build();
  }

  private static KeyVaultSecretRotation rotation() {
    return KeyVaultSecretRotation.builder().vault(DemoWorld.VAULT).secret(DemoWorld.SECRET).build();
  }

  private void report(Console console, ElevationOutcome outcome, Path file, List<String> leaks, int code) {
    if (output.json()) {
      var o = Json.object();
      o.put("exitCode", code);
      o.put("recordFile", file.toString());
      o.put("leftActive", leaks.size());
      o.set("record", Json.record(outcome.record()));
      console.result(Json.write(o));
      return;
    }
    outcome.failure().ifPresent(f -> console.error("jit-elevate demo: " + ShortErrorHandler.message(f)));
    Summary.of(outcome.record(), Optional.of(file)).forEach(console::result);
    console.result("Left active: " + (leaks.isEmpty() ? "nothing - the emulator holds no assignment beyond the scenario's standing ones"
        : leaks.size() + " assignment(s): " + leaks));
  }

  /** Durations for the demo's knobs: also {@code 400ms}. */
  static final class Millis implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String t = value == null ? "" : value.trim();
      if (t.matches("\\d{1,6}ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      return new Converters.DurationConverter().convert(t);
    }
  }
}
