package dev.jitelevate.core;

/** Receives the lifecycle's events. Called on the thread that runs the lifecycle; must not throw. */
@FunctionalInterface
public interface ElevationListener {
  void on(ElevationEvent event);

  /** A listener that ignores everything. */
  static ElevationListener none() {
    return event -> {};
  }
}
