package dev.jitelevate.core.internal.lifecycle;

/** One named step of the lifecycle. */
interface Step {

  /** The name in events: {@code resolve}, {@code precheck}, {@code submit} .... */
  String name();

  /** Does the step's work on the run, or throws an {@link dev.jitelevate.core.ElevationException}. */
  void execute(Run run) throws InterruptedException;
}
