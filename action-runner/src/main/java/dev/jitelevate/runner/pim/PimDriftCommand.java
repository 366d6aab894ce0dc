package dev.jitelevate.runner.pim;

import dev.jitelevate.pimconfig.PimConfig;
import dev.jitelevate.pimconfig.Plan;
import dev.jitelevate.pimconfig.Planner;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.SignInOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate pim drift FILE}: a plan for CI that fails on any difference, undeclared assignments included. */
@Command(name = "drift", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Fail when the tenant differs from FILE in any way (changes or undeclared assignments).",
    footer = {"", "Exit codes: 0 no drift, 2 drift, 1 error."})
public final class PimDriftCommand implements Callable<Integer> {
  @ParentCommand
  PimCommand parent;

  @Parameters(index = "0", paramLabel = "FILE", description = "The PIM configuration (YAML).")
  Path file;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Append a Markdown summary here (e.g. $GITHUB_STEP_SUMMARY).")
  Path summary;

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  @Mixin
  SignInOptions signIn;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.root().console();
    return PimRun.guarded(console, "drift", () -> {
      Plan plan = new Planner(PimRun.tenant(parent, signIn)).plan(PimConfig.load(file), false);
      console.result(json ? plan.toJson() : plan.render().stripTrailing());
      if (summary != null) {
        String heading = plan.hasDrift() ? "### PIM drift: the tenant differs from " : "### No PIM drift: the tenant matches ";
        String existing = java.nio.file.Files.exists(summary) ? PimRun.read(summary) : "";
        PimRun.write(summary, existing + heading + "`" + file + "`\n\n```diff\n" + plan.render() + "```\n");
      }
      return plan.hasDrift() ? PimRun.CHANGES : PimRun.OK;
    });
  }
}
