package dev.jitelevate.core.internal.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent lookups of one step made at the same time, each a request that mostly waits on the network, on
 * daemon threads of this object's own ({@code jit-elevate-<name>-N}), shut down by {@link #close()}. {@link #join()}
 * waits for all of them: the first to fail cancels the others (interrupting them) and is thrown as it was, an
 * {@link dev.jitelevate.core.ElevationException} with its Azure code and request id; interrupting the joining thread
 * cancels them all and throws {@link InterruptedException}. Values are read after the join, in the order the
 * step chooses, so what the step records does not depend on which request answered first.
 */
final class Parallel implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** How long {@link #close()} waits for cancelled lookups to stop. */
  static final Duration STOP_WAIT = Duration.ofSeconds(2);

  /** A lookup that may wait (and be interrupted while it waits). */
  @FunctionalInterface
  interface Lookup<T> {
    T get() throws InterruptedException;
  }

  /** One forked lookup: its value once {@link #join()} returned. */
  static final class Branch<T> {
    private final Future<Object> future;

    private Branch(Future<Object> future) {
      this.future = future;
    }

    @SuppressWarnings("unchecked")
    T value() {
      if (!future.isDone() || future.isCancelled()) {
        throw new IllegalStateException("The lookup was not joined");
      }
      try {
        return (T) future.get();
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException("A failed lookup has no value", e);
      }
    }
  }

  private final ExecutorService executor;
  private final ExecutorCompletionService<Object> completions;
  private final List<Future<Object>> forked = new ArrayList<>();

  Parallel(String name) {
    this.executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "jit-elevate-" + name + "-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.completions = new ExecutorCompletionService<>(executor);
  }

  /** Starts the lookup on a thread of its own. */
  <T> Branch<T> fork(Lookup<T> lookup) {
    Future<Object> future = completions.submit(lookup::get);
    forked.add(future);
    return new Branch<>(future);
  }

  /** Waits for every forked lookup; the first failure cancels the rest and is thrown. */
  void join() throws InterruptedException {
    try {
      for (int done = 0; done < forked.size(); done++) {
        Future<Object> next = completions.take();
        try {
          next.get();
        } catch (ExecutionException e) {
          throw rethrown(e.getCause());
        } catch (CancellationException e) {
          throw new IllegalStateException("A lookup was cancelled before the join", e);
        }
      }
    } catch (InterruptedException | RuntimeException | Error e) {
      forked.forEach(f -> f.cancel(true));
      throw e;
    }
  }

  /**
   * Cancels what is still running and waits a little for it to stop, so that a cancelled lookup does not report
   * (a retry, an API call) after the step is over; a lookup stuck in a read that ignores interrupts is left to
   * its daemon thread after {@link #STOP_WAIT}.
   */
  @Override
  public void close() {
    forked.forEach(f -> f.cancel(true));
    executor.shutdownNow();
    try {
      executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RuntimeException rethrown(Throwable cause) throws InterruptedException {
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    if (cause instanceof InterruptedException e) {
      throw e;
    }
    return new IllegalStateException("A lookup failed: " + cause, cause);
  }
}
