package dev.jitelevate.bench;

import dev.jitelevate.bench.floor.BareElevation;
import dev.jitelevate.core.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Starts the CLI as a separate process under {@code /usr/bin/time} (peak RSS, CPU time), either as the README
 * tells users to (the build's launcher, {@code action-runner/target/jit-elevate}, with its class-data archive
 * in a cache directory of this run's own) or as a plain {@code java -jar} for comparison.
 */
final class Cli {
  /** How the process is started. */
  enum How {
    /** The README's command: the launcher beside the jar (its JVM flags, AppCDS made on first use). */
    LAUNCHER("`action-runner/target/jit-elevate`"),
    /** {@code java -jar jit-elevate.jar}: the JVM's defaults, no archive. */
    PLAIN_JAVA("`java -jar jit-elevate.jar`"),
    /**
     * Not the CLI: {@link BareElevation}, the same requests on the same stack without
     * jit-elevate's code, started by the launcher as the CLI is (its flags, an archive made on first use).
     */
    BARE("the launcher running `BareElevation`");

    final String label;

    How(String label) {
      this.label = label;
    }
  }

  private final Path jar;
  private final Path dir;
  private final How how;
  /** Real time: the bench waits for real processes (the archive's dump). */
  private final Clock clock = Clock.systemUTC();
  private final Sleeper sleeper = Sleeper.system();
  private int counter;
  private final List<String> stackTraces = new ArrayList<>();

  /** Environment variables every process of this gets (before the caller's own). */
  private final Map<String, String> baseEnv;

  Cli(Path jar, Path dir, How how) {
    this.jar = jar;
    this.dir = dir;
    this.how = how;
    this.baseEnv = how == How.BARE ? Map.of("JIT_ELEVATE_JAR", bareJar(jar, dir).toString()) : Map.of();
  }

  /**
   * A jar that names {@code BareElevation} as its main class and the bench's and the production jar as its class
   * path, for the launcher's {@code JIT_ELEVATE_JAR}: the launcher runs it with {@code -jar} and keys its
   * class-data archive on it, as it does the CLI's jar.
   */
  private static Path bareJar(Path jar, Path dir) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, BareElevation.class.getName());
    try {
      Path bench = Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path bare = dir.resolve("bare-elevation.jar");
      // Relative to this jar: the JDK's class-data archive takes a Class-Path of relative paths only.
      main.put(Attributes.Name.CLASS_PATH, dir.toAbsolutePath().relativize(bench.toAbsolutePath()) + " "
          + dir.toAbsolutePath().relativize(jar.toAbsolutePath()));
      new JarOutputStream(Files.newOutputStream(bare), manifest).close();
      return bare;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  How how() {
    return how;
  }

  Path jar() {
    return jar;
  }

  /** The class-data archives the launcher made (its cache directory). */
  Path cache() {
    return dir.resolve("launcher-cache");
  }

  /**
   * The launcher's first use of {@code demo}, as a user's: the first run lists the classes it loads, the second
   * dumps demo's class-data archive in the background (JDK 17; on newer JDKs the first wrote it at exit), and
   * this waits until the archive is in place, so that what is measured next runs with it and does not share
   * the cores with the dump. Returns the first run.
   */
  Exit firstUse(Path record) throws InterruptedException {
    Exit demo = run(Map.of(), "demo", "--quiet", "--record-out", record.toString());
    run(Map.of(), "demo", "--quiet", "--record-out", record.toString());
    awaitArchives();
    return demo;
  }

  /** Waits up to a minute until no class list waits for its dump and no dump is under way. */
  void awaitArchives() throws InterruptedException {
    Instant deadline = clock.instant().plus(Duration.ofMinutes(1));
    while (how != How.PLAIN_JAVA && !archivesSettled() && clock.instant().isBefore(deadline)) {
      sleeper.sleep(Duration.ofMillis(200));
    }
  }

  private boolean archivesSettled() {
    try (var files = Files.list(cache().resolve("jit-elevate"))) {
      return files.map(f -> f.getFileName().toString()).noneMatch(n -> n.endsWith(".dumping") || n.contains(".classes"));
    } catch (IOException e) {
      return true;
    }
  }

  /** How many processes this ran. */
  synchronized int runs() {
    return counter;
  }

  /**
   * The runs whose stderr held a Java stack trace (a user must never see one: bad input gets a one-line error),
   * each as its stderr file and the trace's first line.
   */
  synchronized List<String> stackTraces() {
    return List.copyOf(stackTraces);
  }

  private void checkForStackTrace(Path stderr) {
    try {
      List<String> lines = Files.readAllLines(stderr);
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).startsWith("\tat ")) {
          synchronized (this) {
            stackTraces.add(stderr.getFileName() + ": " + lines.get(i - 1).strip());
          }
          return;
        }
      }
    } catch (IOException e) {
      // an unreadable stderr file shows nothing either way
    }
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
      checkForStackTrace(stderr);
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
    String n = how.name().toLowerCase(java.util.Locale.ROOT) + "-" + ++counter;
    Path rss = dir.resolve("rss-" + n);
    Path out = dir.resolve("cli-" + n + ".out");
    Path err = dir.resolve("cli-" + n + ".err");
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
    command.addAll(how == How.PLAIN_JAVA ? List.of("java", "-jar", jar.toString())
        : List.of(jar.resolveSibling("jit-elevate").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("XDG_CACHE_HOME", cache().toString());
    pb.environment().putAll(baseEnv);
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
