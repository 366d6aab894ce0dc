package dev.jitelevate.core.internal.lifecycle;

/**
 * A JVM shutdown hook that releases a run on SIGTERM (a cancelled CI job): cancels what is pending and
 * revokes what is active. Disarmed when the run ends normally.
 */
final class ShutdownGuard {
  private final Thread hook;

  private ShutdownGuard(Thread hook) {
    this.hook = hook;
  }

  /**
   * Arms the hook; with {@code replaceSdkExecutor} (the application opted in) azure-core's shared executor is
   * first replaced process-wide so the SDK stays usable while the JVM shuts down ({@link SdkSharedExecutor}).
   */
  static ShutdownGuard arm(Runnable onShutdown, boolean replaceSdkExecutor) {
    if (replaceSdkExecutor) {
      SdkSharedExecutor.replaceOnce();
    }
    Thread hook = new Thread(onShutdown, "jit-elevate-shutdown-revoke");
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownGuard(hook);
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
