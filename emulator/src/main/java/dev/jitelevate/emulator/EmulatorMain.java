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

  /** Explains a start failure in one line; a port in use is the common one. */
  static String startFailure(Throwable e, String bind, int port) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Failed to bind") || message.contains("Address already in use")) {
        return "port " + port + " on " + bind + " is already in use. Choose another --port, or 0 for a free one.";
      }
      if (message.contains("Cannot assign requested address")) {
        return bind + " is not an address of this machine. Pass --bind with one of its addresses (ip -br addr).";
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("jit-emulator: " + oneLine(e.getMessage()));
      err.println(CliOptions.usage());
      return 2;
    }
    if (options.help()) {
      out.println(CliOptions.usage());
      return 0;
    }
    PimEmulator emulator;
    try {
      emulator = PimEmulator.builder().bind(options.bind()).port(options.port()).scenario(options.scenario()).hazards(options.hazards()).start();
      options.profileOut().ifPresent(emulator::writeProfile);
    } catch (IllegalArgumentException e) {
      err.println("jit-emulator: " + oneLine(e.getMessage()));
      return 2;
    } catch (RuntimeException e) {
      err.println("jit-emulator: cannot start: " + startFailure(e, options.bind(), options.port()));
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
