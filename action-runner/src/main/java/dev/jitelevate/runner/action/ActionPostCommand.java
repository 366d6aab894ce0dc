package dev.jitelevate.runner.action;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The GitHub Action's post step: revokes what the main step elevated and finishes the record. */
@Command(name = "action-post", description = "The GitHub Action's post step (state from STATE_* variables).")
public final class ActionPostCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ActionRunner.post(System.getenv(), System.out);
  }
}
