package dev.jitelevate.runner.pim;

import dev.jitelevate.pimconfig.Finding;
import dev.jitelevate.pimconfig.Linter;
import dev.jitelevate.pimconfig.PimConfig;
import dev.jitelevate.runner.cli.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate pim lint FILE}: least-privilege findings, offline, each with a rule id and a fix. */
@Command(name = "lint", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Check FILE against least-privilege principles (rules PIM001-PIM010); no sign-in needed.",
    footer = {"", "Exit codes: 0 no errors, 2 errors found (or warnings with --strict), 1 the file cannot be read."})
public final class PimLintCommand implements Callable<Integer> {
  @ParentCommand
  PimCommand parent;

  @Parameters(index = "0", paramLabel = "FILE", description = "The PIM configuration (YAML).")
  Path file;

  @Option(names = "--max-activation-hours", paramLabel = "HOURS", defaultValue = "8",
      description = "The longest activation allowed without a finding (PIM005; default ${DEFAULT-VALUE}).")
  long maxActivationHours;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.root().console();
    return PimRun.guarded(console, "lint", () -> {
      List<Finding> findings = new Linter(Duration.ofHours(maxActivationHours)).lint(PimConfig.load(file));
      findings.forEach(f -> console.result(f.render()));
      long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
      console.progress(findings.size() + " finding(s), " + errors + " error(s).");
      return errors > 0 || (strict && !findings.isEmpty()) ? PimRun.CHANGES : PimRun.OK;
    });
  }
}
