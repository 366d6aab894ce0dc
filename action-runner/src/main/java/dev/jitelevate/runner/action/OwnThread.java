package dev.jitelevate.runner.action;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Work a step overlaps with its own (a sign-in, an ID token request), each on a daemon thread of its own, so that
 * a step that ends or is cancelled never waits for it; and the join that hands its failure back as it was thrown.
 */
final class OwnThread {
  private OwnThread() {}

  /** Runs each task on a new daemon thread with this name. */
  static Executor named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    };
  }

  /** The work's value, or its failure as the work threw it (not wrapped in a {@link CompletionException}). */
  static <T> T join(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
