package dev.jitelevate.runner.pim;

import dev.jitelevate.pimconfig.Applier;
import dev.jitelevate.pimconfig.ApplyEvent;
import dev.jitelevate.pimconfig.ApplyResult;
import dev.jitelevate.pimconfig.Location;
import dev.jitelevate.pimconfig.PimConfig;
import dev.jitelevate.pimconfig.PimConfigException;
import dev.jitelevate.pimconfig.Plan;
import dev.jitelevate.core.Sleeper;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.SignInOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate pim apply FILE}: make the tenant match FILE, then re-plan to prove it converged. */
@Command(name = "apply", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Make the tenant match FILE through PIM schedule requests and policy PATCHes, then re-plan.",
    footer = {"", "Exit codes: 0 converged, 2 not converged (pending approval or requests), 1 error."})
public final class PimApplyCommand implements Callable<Integer> {
  @ParentCommand
  PimCommand parent;

  @Parameters(index = "0", paramLabel = "FILE", description = "The PIM configuration (YAML).")
  Path file;

  @Option(names = "--plan", paramLabel = "PLAN",
      description = "A plan saved by plan --out; refused when the tenant changed since it was made.")
  Path savedPlan;

  @Option(names = "--prune", description = "Remove assignments at the managed scopes that FILE does not declare.")
  boolean prune;

  @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "15",
      description = "How long to wait for requests and PIM's 5-minute removal floor (default ${DEFAULT-VALUE}).")
  long timeoutMinutes;

  @Mixin
  SignInOptions signIn;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.root().console();
    return PimRun.guarded(console, "apply", () -> {
      PimConfig config = PimConfig.load(file);
      Optional<String> fingerprint = Optional.ofNullable(savedPlan).map(p -> fingerprintOf(PimRun.read(p)));
      Applier applier = new Applier(PimRun.tenant(parent, signIn), Clock.systemUTC(), Sleeper.system(),
          Duration.ofMinutes(timeoutMinutes));
      ApplyResult result = applier.apply(config, prune, fingerprint, e -> console.progress(line(e)));
      console.result(result.after().render().stripTrailing());
      return result.converged() ? PimRun.OK : PimRun.CHANGES;
    });
  }

  private static String line(ApplyEvent e) {
    return e.change().action().symbol() + " " + e.change().subject() + ": "
        + e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + e.detail() + ")";
  }

  private static String fingerprintOf(String json) {
    return Plan.savedFingerprint(json).orElseThrow(() -> new PimConfigException(new Location("--plan", 0),
        "The file is not a saved plan (it has no fingerprint).", "Save one with `jit-elevate pim plan FILE --out PLAN`."));
  }
}
