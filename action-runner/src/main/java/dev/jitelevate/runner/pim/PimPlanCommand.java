package dev.jitelevate.runner.pim;

import dev.jitelevate.pimconfig.Plan;
import dev.jitelevate.pimconfig.PimConfig;
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

/** {@code jit-elevate pim plan FILE}: what apply would change, per surface, before → after. */
@Command(name = "plan", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Compare FILE with the tenant and print the changes apply would make.",
    footer = {"", "Exit codes: 0 no changes, 2 changes pending, 1 error (bad file, unknown name, refused call)."})
public final class PimPlanCommand implements Callable<Integer> {
  @ParentCommand
  PimCommand parent;

  @Parameters(index = "0", paramLabel = "FILE", description = "The PIM configuration (YAML).")
  Path file;

  @Option(names = "--prune", description = "Plan to remove assignments at the managed scopes that FILE does not declare.")
  boolean prune;

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  @Option(names = "--out", paramLabel = "PLAN", description = "Also save the plan (JSON) for apply --plan.")
  Path out;

  @Mixin
  SignInOptions signIn;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.root().console();
    return PimRun.guarded(console, "plan", () -> {
      PimConfig config = PimConfig.load(file);
      Plan plan = new Planner(PimRun.tenant(parent, signIn)).plan(config, prune);
      if (out != null) {
        PimRun.write(out, plan.toJson());
      }
      console.result(json ? plan.toJson() : plan.render().stripTrailing());
      return plan.hasChanges() ? PimRun.CHANGES : PimRun.OK;
    });
  }
}
