package dev.jitelevate.runner.action;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The GitHub Action's main step: reads INPUT_* and GITHUB_* and elevates. */
@Command(name = "action", description = "The GitHub Action's main step (inputs from INPUT_* variables).")
public final class ActionCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ActionRunner.mainStep(System.getenv(), System.out);
  }
}
