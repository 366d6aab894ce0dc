package dev.jitelevate.core.internal.lifecycle;

import com.azure.core.util.SharedExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide replacement of azure-core's {@link SharedExecutorService}, done only for an elevator whose
 * application opted in ({@code ElevatorBuilder.replaceSdkSharedExecutor}).
 *
 * <p>The SDK's shared executor is created lazily with a shutdown hook that shuts it down; used (again) during
 * shutdown it fails registering a new hook ("Shutdown in progress"), and the revoke from our own shutdown hook
 * with it. So the SDK gets an executor of ours, without a hook, before anything is at stake. Done once per JVM.
 */
final class SdkSharedExecutor {
  private static final AtomicInteger REPLACEMENTS = new AtomicInteger();
  private static boolean installed;

  private SdkSharedExecutor() {}

  /** Replaces azure-core's shared executor with daemon threads named {@code jit-elevate-sdk}, once per JVM. */
  static synchronized void replaceOnce() {
    REPLACEMENTS.incrementAndGet();
    if (installed) {
      return;
    }
    installed = true;
    ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "jit-elevate-sdk");
      t.setDaemon(true);
      return t;
    });
    SharedExecutorService.getInstance().setExecutorService(executor);
  }

  /** How often an elevator asked for the replacement in this JVM (tests tell opt-in from implicit). */
  static int replacementsRequested() {
    return REPLACEMENTS.get();
  }
}
