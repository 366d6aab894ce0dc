package dev.jitelevate.runner.cli;

import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.StatusReport;
import dev.jitelevate.runner.JitElevate;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jit-elevate status}: your active, pending, eligible elevations and rbac leftovers across Azure roles,
 * directory roles and groups.
 */
@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"List your (or a principal's) elevations on Azure roles, directory roles and groups.",
        "Active (with its end and how it was granted), pending approval (with the approvers), eligible, and the "
            + "rbac strategy's leftover role assignments with their marked expiry."})
public final class StatusCommand implements Callable<Integer> {
  @ParentCommand
  JitElevate root;

  @Option(names = "--principal-id", paramLabel = "ID", converter = Converters.PrincipalConverter.class,
      description = "Whose elevations; default: the signed-in identity.")
  PrincipalId principal;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    Console console = root.console();
    return CallAndRender.<StatusReport>of("status", r -> StatusView.json(r, Instant.now()),
        r -> StatusView.lines(r, Instant.now())).run(console, output,
        () -> new SignIn(signIn, root.env(), console).elevator(new EventRenderer(console, output.quiet()))
            .status(Optional.ofNullable(principal)));
  }
}
