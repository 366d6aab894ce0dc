package dev.jitelevate.bench;

import static dev.jitelevate.bench.Bench.of;
import static dev.jitelevate.bench.Bench.samples;
import static dev.jitelevate.bench.Bench.timelines;
import static dev.jitelevate.bench.Report.num;
import static dev.jitelevate.bench.Stats.median;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A focused subset of the bench for iterating on one lever ({@code bench/run.sh --only PART --runs N}): prints
 * a few lines to stdout and writes nothing. Parts: {@code version}, {@code demo}, {@code cli} (one CLI
 * elevation), {@code jvm} (in-JVM elevations, both phases: lag and poll rate), {@code scale-cli} (20 CLI
 * processes at 20 rps, with their request counts and first failure), {@code scale-cli-journal} (the same,
 * second by second: the broker's requests served and throttled, the probes and the token requests),
 * {@code scale-jvm} (100 elevations in this JVM at 20 rps, one line per run), {@code journal} (the requests of
 * one in-JVM elevation), {@code cli-journal} (one CLI elevation's requests, from the process's start),
 * {@code cli-ab} (CLI elevations with the launcher's JVM options of {@code -Dbench.a} and {@code -Dbench.b} in
 * turn, and their ratio). With {@code --bare} the elevation parts ({@code cli}, {@code cli-journal},
 * {@code scale-cli}, {@code scale-cli-journal}) run {@link dev.jitelevate.bench.floor.BareElevation} instead of
 * the CLI.
 */
final class Quick {
  private Quick() {}

  static void run(World world, Cli cli, String part, int runs) throws Exception {
    double pq = Bench.P.toMillis() + Bench.Q.toMillis();
    switch (part) {
      case "version" -> {
        List<Cli.Exit> v = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          v.add(cli.run(Map.of(), "--version"));
        }
        print("--version wall / CPU ms", median(of(v, Cli.Exit::wallMs)), median(of(v, Cli.Exit::cpuMs)));
      }
      case "demo" -> {
        List<Cli.Exit> d = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          d.add(cli.run(Map.of(), "demo", "--quiet", "--record-out", world.dir.resolve("demo-record.json").toString()));
          if (d.get(i).code() != 0) {
            System.out.println("demo exited " + d.get(i).code() + ", see " + d.get(i).stderr());
          }
        }
        print("demo wall / CPU ms / RSS MiB", median(of(d, Cli.Exit::wallMs)), median(of(d, Cli.Exit::cpuMs)),
            median(of(d, Cli.Exit::peakRssMiB)));
      }
      case "cli" -> {
        List<Single.Sample> s = Single.cli(world, cli, runs, Bench.P, Bench.Q);
        print("CLI elevate overhead / CPU ms / first request ms / RSS MiB", median(samples(s, x -> x.wallMs() - pq)),
            median(samples(s, Single.Sample::cpuMs)), median(samples(s, Single.Sample::firstRequestMs)),
            median(samples(s, Single.Sample::rssMiB)));
        print("CLI elevate process start -> submit ms", median(samples(s, Single.Sample::submitMs)));
        print("CLI elevate requests / polls per s / lags ms", median(timelines(s, t -> (double) t.requests())),
            median(timelines(s, Timeline::pollRate)), median(timelines(s, Timeline::provisionedLagMs)),
            median(timelines(s, Timeline::effectiveLagMs)));
      }
      case "jvm" -> {
        for (var pqs : List.of(List.of(Bench.P, Bench.Q), List.of(Bench.P_OFF, Bench.Q_OFF))) {
          List<Single.Sample> s = Single.inJvm(world, runs, pqs.get(0), pqs.get(1));
          List<Double> lags = new ArrayList<>(timelines(s, Timeline::provisionedLagMs));
          lags.addAll(timelines(s, Timeline::effectiveLagMs));
          print("in-JVM P=" + pqs.get(0).toMillis() + " Q=" + pqs.get(1).toMillis()
              + ": overhead / requests / max polls per s / lag median / lag max", median(samples(s,
                  x -> x.wallMs() - pqs.get(0).toMillis() - pqs.get(1).toMillis())),
              median(timelines(s, t -> (double) t.requests())), Stats.percentile(timelines(s, Timeline::pollRate), 100),
              median(lags), Stats.percentile(lags, 100));
        }
      }
      case "cli-ab" -> {
        // Two variants of the launcher's JVM options, run by run in turn (A B A B ...), so a comparison holds on a
        // busy machine: the medians of each and the median of the pairwise ratios A/B.
        Map<String, String> a = variant("bench.a");
        Map<String, String> b = variant("bench.b");
        List<Single.Sample> as = new ArrayList<>();
        List<Single.Sample> bs = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        List<Double> firstRatio = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          as.add(Single.cliOnce(world, cli, a, Bench.P, Bench.Q));
          bs.add(Single.cliOnce(world, cli, b, Bench.P, Bench.Q));
          cpuRatio.add(as.get(i).cpuMs() / bs.get(i).cpuMs());
          firstRatio.add(as.get(i).firstRequestMs() / bs.get(i).firstRequestMs());
        }
        print("A: overhead / CPU ms / first request ms", median(samples(as, x -> x.wallMs() - pq)),
            median(samples(as, Single.Sample::cpuMs)), median(samples(as, Single.Sample::firstRequestMs)));
        print("B: overhead / CPU ms / first request ms", median(samples(bs, x -> x.wallMs() - pq)),
            median(samples(bs, Single.Sample::cpuMs)), median(samples(bs, Single.Sample::firstRequestMs)));
        print("A/B median ratio: CPU / first request", median(cpuRatio), median(firstRatio));
      }
      case "scale-cli" -> {
        Scale.Result r = Scale.cli(world, cli, 20, Bench.RPS, Bench.P, Bench.Q);
        printScale(r);
        print("20 CLI: requests / 429s / busiest caller's requests to one service / first failure", r.requests(), r.throttled(),
            r.busiestCallerRequests(), r.firstFailure());
      }
      case "scale-cli-journal" -> {
        // The 20 CLI processes second by second, from their start: ARM and Graph requests served (the broker's, but
        // for the probes) and throttled (429), the probes, and the token requests: where the makespan goes.
        java.time.Instant from = java.time.Instant.now();
        Scale.Result r = Scale.cli(world, cli, 20, Bench.RPS, Bench.P, Bench.Q);
        java.util.TreeMap<Long, int[]> perSecond = new java.util.TreeMap<>();
        for (var e : world.journal()) {
          int[] c = perSecond.computeIfAbsent(java.time.Duration.between(from, e.at()).toSeconds(), k -> new int[4]);
          c[e.surface().equals("entra") ? 3 : e.status() == 429 ? 1 : e.path().endsWith("/permissions") ? 2 : 0]++;
        }
        System.out.println("second: served / 429 / probes / tokens");
        perSecond.forEach((sec, c) -> System.out.printf("%4d s: %3d %3d %3d %3d%n", sec, c[0], c[1], c[2], c[3]));
        printScale(r);
      }
      case "scale-jvm" -> {
        for (int i = 0; i < runs; i++) {
          Scale.Result r = Scale.inJvm(world, 100, Bench.RPS, Bench.P, Bench.Q);
          print("100 in-JVM: makespan / bound / ratio / requests / 429s / failures / leaks", r.makespanMs(), r.boundMs(),
              r.ratio(), r.requests(), r.throttled(), r.failures(), r.leaks());
        }
      }
      case "journal" -> {
        world.prepare(World.delays(Bench.P, Bench.Q));
        InJvm.Run run = InJvm.once(world);
        printJournal(run.journal().get(0).at(), run.journal());
      }
      case "cli-journal" -> {
        // One CLI elevation's requests, timed from the process's start: where its wall time goes.
        world.prepare(World.delays(Bench.P, Bench.Q));
        Cli.Exit exit = cli.run(Single.ciEnv(world), Single.elevateArgs(world, cli));
        printJournal(exit.started(), world.journal());
        System.out.printf("%6d ms exit %d (CPU %d ms)%n", Math.round(exit.wallMs()), exit.code(), Math.round(exit.cpuMs()));
      }
      default -> throw new IllegalArgumentException("unknown part " + part);
    }
  }

  /** One line per request, timed from {@code from}: method, status, surface, path (ids elided), caller. */
  private static void printJournal(java.time.Instant from, List<dev.jitelevate.emulator.server.JournalEntry> journal) {
    for (var e : journal) {
      System.out.printf("%6d ms %-6s %3d %-7s %s%n", java.time.Duration.between(from, e.at()).toMillis(), e.method(),
          e.status(), e.surface(), e.path().replaceAll("[0-9a-f-]{36}", "{id}") + " " + e.callerObjectId());
    }
  }

  /** A variant's environment: JVM options from the property, plus NAME=VALUE pairs from the property + ".env". */
  private static Map<String, String> variant(String property) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("JIT_ELEVATE_JAVA_OPTS", System.getProperty(property, ""));
    for (String pair : System.getProperty(property + ".env", "").split(" ")) {
      if (pair.contains("=")) {
        env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return env;
  }

  private static void printScale(Scale.Result r) {
    print("20 CLI: makespan / bound / ratio / CPU floor / with the emulator's CPU / failures / leaks", r.makespanMs(),
        r.boundMs(), r.ratio(), r.cpuFloorMs(), r.cpuFloorWithEmulatorMs(), r.failures(), r.leaks());
  }

  private static void print(String label, Object... values) {
    StringBuilder line = new StringBuilder(label).append(":");
    for (Object v : values) {
      line.append(' ').append(v instanceof Double d ? num(d) : String.valueOf(v));
    }
    System.out.println(line);
  }
}
