package dev.jitelevate.runner.action;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.runner.ExitCodes;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Runs a step and turns every failure into one {@code ::error::} annotation and its exit code: never a stack
 * trace, never a secret.
 */
final class ActionRunner {
  private ActionRunner() {}

  static int mainStep(Map<String, String> env, PrintStream out) {
    return run(context(env, out), ctx -> {
      ActionMode mode = ActionMode.parse(ctx.env.input("mode").orElse("job"));
      if (mode == ActionMode.GRANT) {
        return new GrantStep(ctx).run();
      }
      if (mode == ActionMode.REVOKE) {
        return new RevokeJobStep(ctx).run();
      }
      MainStep step = new MainStep(ctx, Interruption::install);
      try {
        return step.run();
      } finally {
        step.uninstallInterruption();
      }
    });
  }

  static int post(Map<String, String> env, PrintStream out) {
    return run(context(env, out), ctx -> new PostStep(ctx).run());
  }

  private static StepContext context(Map<String, String> variables, PrintStream out) {
    return new StepContext(new ActionEnvironment(variables), new WorkflowLog(out), Clock.systemUTC());
  }

  private static int run(StepContext ctx, ToIntFunction<StepContext> step) {
    WorkflowLog log = ctx.log;
    PrintStream out = ctx.out;
    try {
      ProcessSetup.apply(ctx.env);
      return step.applyAsInt(ctx);
    } catch (ActionFailure e) {
      return ctx.report(e);
    } catch (InvalidElevationRequestException e) {
      return ctx.report(ActionFailure.input(inputName(e.input()), UntrustedText.neutralize(e.getMessage(), 1000)));
    } catch (ElevationException e) {
      return ctx.fail(e, Optional.empty());
    } catch (RuntimeException | LinkageError e) {
      log.error("Unexpected error", "jit-elevate failed unexpectedly: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + UntrustedText.neutralize(log.redact(e.getMessage()), 500))
          + ". Nothing is left active that the post step or the server-side expiry does not end; please report this.");
      return ExitCodes.INTERNAL_ERROR;
    } finally {
      out.flush();
    }
  }

  /** The action's input for a name the core uses. */
  static String inputName(String coreInput) {
    switch (coreInput) {
      case "secret": return "secrets";
      case "expires": return "secret-expires";
      case "tags": return "operation";
      default: return coreInput;
    }
  }
}
