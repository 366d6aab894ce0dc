package dev.jitelevate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the CLI as a separate process the way the action's launcher does (serial GC, C1 only, small stacks;
 * no AppCDS archive on the host), under {@code /usr/bin/time} for its peak RSS.
 */
final class Cli {
  static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  private final Path jar;
  private final Path dir;
  private int counter;

  Cli(Path jar, Path dir) {
    this.jar = jar;
    this.dir = dir;
  }

  /** One finished process: when it was started, its wall time, exit code and peak RSS. */
  record Exit(Instant started, double wallMs, int code, double peakRssMiB, double cpuMs, Path stderr) {}

  /** A started process; {@link #await()} waits for it. */
  final class Running {
    private final Process process;
    private final Instant started;
    private final long startNanos;
    private final Path rss;
    private final Path stderr;

    private Running(Process process, Instant started, long startNanos, Path rss, Path stderr) {
      this.process = process;
      this.started = started;
      this.startNanos = startNanos;
      this.rss = rss;
      this.stderr = stderr;
    }

    Exit await() throws InterruptedException {
      int code = process.waitFor();
      double wall = (System.nanoTime() - startNanos) / 1e6;
      String[] usage = lastLine(rss).split(" ");
      boolean ok = usage.length == 3;
      return new Exit(started, wall, code, ok ? Long.parseLong(usage[0]) / 1024.0 : Double.NaN,
          ok ? (Double.parseDouble(usage[1]) + Double.parseDouble(usage[2])) * 1000 : Double.NaN, stderr);
    }
  }

  Exit run(Map<String, String> env, String... args) throws InterruptedException {
    return start(env, args).await();
  }

  synchronized Running start(Map<String, String> env, String... args) {
    int n = ++counter;
    Path rss = dir.resolve("rss-" + n);
    Path out = dir.resolve("cli-" + n + ".out");
    Path err = dir.resolve("cli-" + n + ".err");
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString(), "java"));
    command.addAll(LAUNCHER_FLAGS);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    try {
      Instant started = Instant.now();
      long nanos = System.nanoTime();
      return new Running(pb.start(), started, nanos, rss, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last line of /usr/bin/time's output file ("KiB user-seconds system-seconds"). */
  private static String lastLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
    } catch (IOException e) {
      return "";
    }
  }
}
