package dev.jitelevate.core.internal.lifecycle;

import com.azure.core.util.SharedExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A JVM shutdown hook that releases a run on SIGTERM (a cancelled CI job): cancels what is pending and
 * revokes what is active. Disarmed when the run ends normally.
 */
final class ShutdownGuard {
  private static boolean sdkExecutorInstalled;
  private final Thread hook;

  private ShutdownGuard(Thread hook) {
    this.hook = hook;
  }

  static ShutdownGuard arm(Runnable onShutdown) {
    keepSdkUsableDuringShutdown();
    Thread hook = new Thread(onShutdown, "jit-elevate-shutdown-revoke");
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownGuard(hook);
  }

  /**
   * The Azure SDK's shared executor is created lazily with a shutdown hook that shuts it down; used (again)
   * during shutdown it fails registering a new hook ("Shutdown in progress"), and the revoke with it. So the
   * SDK gets an executor of ours, without a hook, before anything is at stake. Done once per JVM.
   */
  private static synchronized void keepSdkUsableDuringShutdown() {
    if (sdkExecutorInstalled) {
      return;
    }
    sdkExecutorInstalled = true;
    ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "jit-elevate-sdk");
      t.setDaemon(true);
      return t;
    });
    SharedExecutorService.getInstance().setExecutorService(executor);
  }

  void disarm() {
    if (Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is shutting down: the hook is running or has run; it releases the run itself.
    }
  }
}
