package dev.jitelevate.pimconfig;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a plan's independent reads (the group directory, each ARM scope's schedules, the Graph schedules) side by
 * side: each is a chain of pages that must be followed in order, but the chains need not wait for each other.
 * Errors come back unchanged, in the order the caller joins the reads.
 */
final class ParallelReads implements AutoCloseable {
  private static final int THREADS = 4;
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
    Thread t = new Thread(r, "pim-plan-read-" + COUNT.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  /** Starts a read. */
  <T> CompletableFuture<T> start(Supplier<T> read) {
    return CompletableFuture.supplyAsync(read, pool);
  }

  /** Waits for a read; its runtime exception (e.g. {@link PimApiException}) is rethrown as it was thrown. */
  static <T> T join(CompletableFuture<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while reading the tenant");
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
