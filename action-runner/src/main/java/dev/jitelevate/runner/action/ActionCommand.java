package dev.jitelevate.runner.action;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The GitHub Action's main step: reads INPUT_* and GITHUB_* and elevates. */
@Command(name = "action", description = "The GitHub Action's main step (inputs from INPUT_* variables).")
public final class ActionCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    ActionRunner.Result result = ActionRunner.mainStep(System.getenv(), System.out);
    if (result.handedOff()) {
      // The elevation now belongs to the post step. The lifecycle's shutdown hook (which revokes what a
      // cancelled run leaves active) must not take it away as this process exits; the core has no public way
      // to detach an ActiveElevation yet, so end the process without running shutdown hooks.
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(result.exitCode());
    }
    return result.exitCode();
  }
}
