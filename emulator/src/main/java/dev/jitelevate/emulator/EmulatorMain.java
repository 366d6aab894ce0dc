package dev.jitelevate.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar jit-emulator.jar [options]}: starts the emulator, prints {@code READY <base-url>} once it
 * listens, and runs until SIGTERM or Ctrl-C. Bad arguments exit with status 2 and a one-line reason.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("jit-emulator: " + e.getMessage());
      err.println(CliOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(CliOptions.USAGE);
      return 0;
    }
    PimEmulator emulator;
    try {
      emulator = PimEmulator.builder().port(options.port()).scenario(options.scenario()).hazards(options.hazards()).start();
      options.profileOut().ifPresent(emulator::writeProfile);
    } catch (RuntimeException e) {
      err.println("jit-emulator: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "jit-emulator-shutdown"));
    out.println("READY " + emulator.baseUrl());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
