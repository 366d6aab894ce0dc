package dev.jitelevate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * bench/run.sh's harness: measures the CLI and the library against the embedded emulator with fixed delays,
 * prints one markdown section and writes it into BENCHMARKS.md. Usage: {@code Bench JAR BENCHMARKS.md
 * AZ_SCRIPT [--runs N] [--no-write] [--only PART,... [--plain-java | --bare]]}
 * (see {@link Quick} for the parts).
 */
public final class Bench {
  static final Duration P = Duration.ofSeconds(2);
  static final Duration Q = Duration.ofSeconds(3);
  static final Duration P_OFF = Duration.ofMillis(2500);
  static final Duration Q_OFF = Duration.ofMillis(3500);
  static final double RPS = 20;

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path benchmarks = Path.of(args[1]);
    Path azScript = Path.of(args[2]);
    List<String> rest = List.of(args).subList(3, args.length);
    int runs = rest.contains("--runs") ? Integer.parseInt(rest.get(rest.indexOf("--runs") + 1)) : 5;
    if (rest.contains("--only")) {
      Cli.How how = rest.contains("--plain-java") ? Cli.How.PLAIN_JAVA
          : rest.contains("--bare") ? Cli.How.BARE : Cli.How.LAUNCHER;
      try (World world = World.start(100, World.delays(P, Q))) {
        Cli cli = new Cli(jar, world.dir, how);
        if (how != Cli.How.BARE) {
          cli.firstUse(world.dir.resolve("demo-record.json"));
        }
        Single.firstUse(world, cli);
        for (String part : rest.get(rest.indexOf("--only") + 1).split(",")) {
          Quick.run(world, cli, part, runs);
        }
      }
      System.exit(0);
    }
    String load = Machine.loadAverage();
    Results r;
    try (World world = World.start(100, World.delays(P, Q))) {
      r = measure(world, new Cli(jar, world.dir, Cli.How.LAUNCHER), new Cli(jar, world.dir, Cli.How.PLAIN_JAVA), azScript, runs);
    }
    String section = Render.section(r, runs, load, Machine.loadAverage(), Report.imageAddedMiB(benchmarks));
    System.out.println(section);
    if (!rest.contains("--no-write")) {
      Report.writeInto(benchmarks, section);
      System.err.println("bench: wrote the section into " + benchmarks);
    }
    System.exit(0); // the SDKs' HTTP dispatchers keep non-daemon threads for a minute
  }

  /** Everything one run measures. */
  record Results(Cli.Exit firstDemo, List<Cli.Exit> version, List<Cli.Exit> demo, List<Cli.Exit> demoNoFloor,
      List<Single.Sample> cli, List<Single.Sample> cliOff, List<Cli.Exit> plainVersion, List<Single.Sample> plainCli,
      List<Single.Sample> inJvm, List<Single.Sample> offPhase, Double retryAfterGapMs, List<Single.Sample> az,
      List<Single.Sample> az2, Scale.Result scaleJvm, Scale.Result scaleCli, List<Single.Sample> bare,
      Scale.Result scaleBare, double jarMiB, int cliRuns, List<String> stackTraces) {}

  private static Results measure(World world, Cli cli, Cli plain, Path azScript, int runs) throws Exception {
    progress("demo and elevate, first use (the launcher lists their classes; the next run dumps their class-data archives)");
    Cli.Exit firstDemo = cli.firstUse(world.dir.resolve("demo-record.json"));
    Single.firstUse(world, cli);
    List<Cli.Exit> version = new ArrayList<>();
    List<Cli.Exit> plainVersion = new ArrayList<>();
    progress("--version x " + runs + ", launcher and plain java -jar");
    for (int i = 0; i < runs; i++) {
      version.add(cli.run(Map.of(), "--version"));
      plainVersion.add(plain.run(Map.of(), "--version"));
    }
    progress("demo x 3");
    List<Cli.Exit> demo = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      demo.add(cli.run(Map.of(), "demo", "--quiet", "--record-out", world.dir.resolve("demo-record.json").toString()));
    }
    List<Cli.Exit> demoNoFloor = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      demoNoFloor.add(cli.run(Map.of(), "demo", "--quiet", "--minimum-active-duration", "0s", "--record-out",
          world.dir.resolve("demo-record.json").toString()));
    }
    // The README's command as many times as the other medians (3-run medians moved by 15 % between runs).
    progress("CLI elevate x " + runs + " (P=2s, Q=3s), x " + runs + " (P=2.5s, Q=3.5s), plain java -jar x 3 (P=2s, Q=3s)");
    List<Single.Sample> viaCli = Single.cli(world, cli, runs, P, Q);
    List<Single.Sample> cliOff = Single.cli(world, cli, runs, P_OFF, Q_OFF);
    List<Single.Sample> plainCli = Single.cli(world, plain, 3, P, Q);
    progress("the same requests with the SDKs alone (BareElevation): first use, x " + runs + " (P=2s, Q=3s)");
    Cli bare = new Cli(cli.jar(), world.dir, Cli.How.BARE);
    Single.firstUse(world, bare);
    List<Single.Sample> bareCli = Single.cli(world, bare, runs, P, Q);
    progress("in-JVM elevate x " + runs + " (P=2s, Q=3s) and x " + runs + " (P=2.5s, Q=3.5s)");
    List<Single.Sample> inJvm = Single.inJvm(world, runs, P, Q);
    List<Single.Sample> offPhase = Single.inJvm(world, runs, P_OFF, Q_OFF);
    Double gap = Single.retryAfterGapMs(world, P, Q).orElse(Double.NaN);
    progress("az rest baseline x 2 polling every 10 s, x 2 every 2 s");
    List<Single.Sample> az = Single.azRest(world, azScript, 2, P, Q, 10);
    List<Single.Sample> az2 = Single.azRest(world, azScript, 2, P, Q, 2);
    progress("100 concurrent elevations in this JVM, throttled to 20 rps");
    Scale.Result scaleJvm = Scale.inJvm(world, 100, RPS, P, Q);
    progress("20 concurrent CLI processes, throttled to 20 rps");
    Scale.Result scaleCli = Scale.cli(world, cli, 20, RPS, P, Q);
    progress("20 concurrent processes with the SDKs alone (BareElevation), throttled to 20 rps");
    Scale.Result scaleBare = Scale.cli(world, bare, 20, RPS, P, Q);
    double jarMiB = Files.size(cli.jar()) / 1048576.0;
    List<String> stackTraces = new java.util.ArrayList<>(cli.stackTraces());
    stackTraces.addAll(plain.stackTraces());
    return new Results(firstDemo, version, demo, demoNoFloor, viaCli, cliOff, plainVersion, plainCli, inJvm, offPhase, gap,
        az, az2, scaleJvm, scaleCli, bareCli, scaleBare, jarMiB, cli.runs() + plain.runs(), stackTraces);
  }

  static void progress(String what) {
    System.err.println("bench: " + what);
  }

  static List<Double> of(List<Cli.Exit> exits, Function<Cli.Exit, Double> f) {
    return exits.stream().map(f).collect(Collectors.toList());
  }

  static List<Double> samples(List<Single.Sample> s, Function<Single.Sample, Double> f) {
    return s.stream().map(f).filter(Objects::nonNull).filter(d -> !d.isNaN()).collect(Collectors.toList());
  }

  static List<Double> timelines(List<Single.Sample> s, Function<Timeline, Double> f) {
    return s.stream().map(Single.Sample::timeline).filter(Objects::nonNull).map(f).collect(Collectors.toList());
  }

  /** This machine: cores, memory, CPU, JVM, load. */
  static final class Machine {
    private Machine() {}

    static String loadAverage() {
      try {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
      } catch (Exception e) {
        return "unknown";
      }
    }

    static String describe() {
      String cpu = "unknown CPU";
      long memKiB = 0;
      try {
        cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        memKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
            .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
      } catch (Exception ignored) {
        // keep the defaults: the report still says what it knows
      }
      return Runtime.getRuntime().availableProcessors() + " cores, " + (memKiB / 1024 / 1024) + " GiB, " + cpu + "; JVM "
          + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    static String now() {
      return ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    }
  }
}
