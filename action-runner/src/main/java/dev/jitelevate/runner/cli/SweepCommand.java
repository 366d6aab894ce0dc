package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ArmScope;
import dev.jitelevate.runner.JitElevate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate sweep --scope S}: deletes rbac-strategy role assignments whose marked expiry has passed. */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Delete the rbac strategy's expired leftovers under a scope.",
        "Removes role assignments jit-elevate marked with an expiry that has passed (e.g. when a runner died before "
            + "revoking). Needs the broker (--broker-client-id)."})
public final class SweepCommand implements Callable<Integer> {
  @ParentCommand
  JitElevate root;

  @Option(names = "--scope", required = true, paramLabel = "SCOPE", converter = Converters.ScopeConverter.class,
      description = "The ARM scope to sweep, e.g. /subscriptions/{id}.")
  ArmScope scope;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    Console console = root.console();
    return CallAndRender.of("sweep", Json::sweep, Summary::sweep).run(console, output,
        () -> new SignIn(signIn, root.env(), console).elevator(new EventRenderer(console, output.quiet()))
            .sweep(scope));
  }
}
