package dev.jitelevate.core.internal.gateway.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * MSAL's executor for a person's sign-in: a task starts only once the thread that handed it over has stopped
 * running (it waits on the task's future), or after {@code patience}.
 *
 * <p>MSAL for Java (1.23, and its sources since) hands the device code flow to its executor and only then stores the
 * flow's future in the reference the flow reads before each poll ({@code PublicClientApplication.acquireToken(
 * DeviceCodeFlowParameters)}: {@code executeRequest(...)}, then {@code futureReference.set(future)}). A worker that
 * requests the device code and reaches its first poll before the caller gets to that {@code set} fails the sign-in
 * with a {@code NullPointerException} on {@code isCancelled()}. That needs the caller to be off the CPU for one
 * HTTP round trip between two statements, which a loaded machine does: the CLI's step-up sign-in failed that way
 * in one clean-clone CI run and in one of its test's first four runs beside two busy processes. The caller (azure-identity's
 * synchronous path, and {@code Mono.block()} on the other) waits on the future right after the {@code set}, so
 * a worker that waits for the caller to wait never sees the reference empty.
 *
 * <p>Every other MSAL request (a silent refresh) waits the same few microseconds for its caller to block. A caller
 * that never blocks delays its task by {@code patience} at most.
 */
public final class CallerFirstExecutor extends AbstractExecutorService {
  private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  private final ExecutorService workers;
  private final long patienceNanos;

  /** Runs tasks on {@code workers} (not shut down by this executor), each after its caller waits or {@code patience}. */
  public CallerFirstExecutor(ExecutorService workers, Duration patience) {
    this.workers = Objects.requireNonNull(workers, "workers");
    this.patienceNanos = patience.toNanos();
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    Thread caller = Thread.currentThread();
    workers.execute(() -> {
      awaitWaiting(caller, System.nanoTime() + patienceNanos);
      task.run();
    });
  }

  /** Returns once {@code caller} has stopped running (waiting, blocked, ended) or at {@code deadline}. */
  private static void awaitWaiting(Thread caller, long deadline) {
    while (caller.getState() == Thread.State.RUNNABLE && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(SPIN_NANOS);
    }
  }

  /** The workers are shared, so this executor never stops them. */
  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
