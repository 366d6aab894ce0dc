package dev.jitelevate.bench;

import static dev.jitelevate.bench.Bench.of;
import static dev.jitelevate.bench.Bench.samples;
import static dev.jitelevate.bench.Bench.timelines;
import static dev.jitelevate.bench.Report.num;
import static dev.jitelevate.bench.Report.verdict;
import static dev.jitelevate.bench.Stats.median;
import static dev.jitelevate.bench.Stats.p95;

import java.util.ArrayList;
import java.util.List;

/** Turns one run's results into the BENCHMARKS.md section. */
final class Render {
  private Render() {}

  static String section(Bench.Results r, int runs, String loadBefore, String loadAfter, double imageMiB) {
    Report md = new Report();
    md.line("## Elevations against the emulator (`bench/run.sh`)").line("")
        .line("### " + Bench.Machine.now() + " — one run of `bench/run.sh`").line("")
        .line("Machine: " + Bench.Machine.describe() + ". Load average " + loadBefore + " at the start, " + loadAfter
            + " at the end (other builds share the cores: CPU time is the steadier figure). Emulator embedded in the bench "
            + "JVM; provisioning delay P = 2 s, propagation delay Q = 3 s unless stated, deactivation floor off. The CLI runs "
            + "as the README tells users to: " + Cli.How.LAUNCHER.label + " (the build's launcher: its JVM flags and "
            + "class-data archives made from their first use, here the first `demo` and a first elevation, not timed); " + Cli.How.PLAIN_JAVA.label
            + " beside it for comparison. Medians of " + runs + " runs unless stated (demo and plain java -jar elevations: 3; az rest: 2 "
            + "at each interval).").line("");
    targets(md, r);
    md.line("");
    sideBySide(md, r, imageMiB);
    md.line("");
    scale(md, r);
    return md.render();
  }

  private static void targets(Report md, Bench.Results r) {
    double version = median(of(r.version(), Cli.Exit::wallMs));
    double demo = median(of(r.demo(), Cli.Exit::wallMs));
    double pq = Bench.P.toMillis() + Bench.Q.toMillis();
    double pqOff = Bench.P_OFF.toMillis() + Bench.Q_OFF.toMillis();
    double cliOver = median(samples(r.cli(), s -> s.wallMs() - pq));
    double cliOffOver = median(samples(r.cliOff(), s -> s.wallMs() - pqOff));
    double cpu = Stats.percentile(List.of(median(samples(r.cli(), Single.Sample::cpuMs)), median(samples(r.cliOff(), Single.Sample::cpuMs))), 100);
    double first = Stats.percentile(List.of(median(samples(r.cli(), Single.Sample::firstRequestMs)),
        median(samples(r.cliOff(), Single.Sample::firstRequestMs))), 100);
    double jvmOver = median(samples(r.inJvm(), s -> s.wallMs() - pq));
    List<Double> lags = lags(r.inJvm());
    List<Double> offLags = lags(r.offPhase());
    double rate = Stats.percentile(timelines(r.inJvm(), Timeline::pollRate), 100);
    double rss = peakRss(r);
    md.table("target", "measured", "goal", "verdict")
        .row("one elevation, overhead above P+Q, P/Q = 2/3 s (median)", num(cliOver) + " ms", "≤ 800 ms", verdict(cliOver <= 800))
        .row("one elevation, overhead above P+Q, P/Q = 2.5/3.5 s (median)", num(cliOffOver) + " ms", "≤ 800 ms", verdict(cliOffOver <= 800))
        .row("one elevation, CPU user+sys (higher median of the two; in brackets the SDKs alone, `BareElevation`, P/Q = 2/3 s)",
            num(cpu) + " ms (" + num(median(samples(r.bare(), Single.Sample::cpuMs))) + " ms)", "≤ 1200 ms", verdict(cpu <= 1200))
        .row("process start → first HTTP request (higher median of the two; in brackets the SDKs alone)", num(first) + " ms ("
            + num(median(samples(r.bare(), Single.Sample::firstRequestMs))) + " ms)", "≤ 500 ms", verdict(first <= 500))
        .row("`jit-elevate --version`, wall (median)", num(version) + " ms", "≤ 250 ms", verdict(version <= 250))
        .row("`jit-elevate demo`, wall (median)", num(demo) + " ms", "≤ 3000 ms", verdict(demo <= 3000))
        .row(scaleLabel(r.scaleCli(), "CLI processes") + " (in brackets: the same requests made by the SDKs alone, "
            + "`BareElevation`, none of jit-elevate's code)", scaleCell(r.scaleCli()) + " (" + scaleCell(r.scaleBare()) + ")",
            "≤ 1.5, 0, 0", verdict(meets(r.scaleCli(), 1.5)))
        .row("CLI runs with a Java stack trace on stderr (of all this run's CLI processes)", r.stackTraces().size() + " of "
            + r.cliRuns() + (r.stackTraces().isEmpty() ? "" : " (" + r.stackTraces().get(0) + ")"), "0",
            verdict(r.stackTraces().isEmpty()))
        .row("peak RSS of the CLI (highest of --version, demo, elevate)", num(rss) + " MiB", "≤ 200 MiB", verdict(rss <= 200))
        .row("production jar (`jit-elevate.jar`, no emulator)", num(r.jarMiB()) + " MiB", "≤ 60 MiB", verdict(r.jarMiB() <= 60))
        .row("one elevation, overhead above P+Q: library in a warm JVM (median)", num(jvmOver) + " ms", "≤ 1000 ms", verdict(jvmOver <= 1000))
        .row("detection lag, P=2 s Q=3 s (median / p95)", num(median(lags)) + " / " + num(p95(lags)) + " ms", "≤ 500 ms", verdict(median(lags) <= 500))
        .row("detection lag, P=2.5 s Q=3.5 s (median / p95)", num(median(offLags)) + " / " + num(p95(offLags)) + " ms", "≤ 500 ms", verdict(median(offLags) <= 500))
        .row("polls per second per elevation (highest run)", num(rate), "≤ 1", verdict(rate <= 1.0001))
        .row("next read after a 429 with Retry-After: 2", num(r.retryAfterGapMs()) + " ms", "≥ 2000 ms", verdict(r.retryAfterGapMs() >= 2000))
        .row(scaleLabel(r.scaleJvm(), "elevations in one JVM"), scaleCell(r.scaleJvm()), "≤ 1.3, 0, 0", verdict(meets(r.scaleJvm(), 1.3)));
  }

  private static String scaleLabel(Scale.Result s, String what) {
    return s.elevations() + " concurrent " + what + " at 20 rps: makespan / throttle bound, failures, leaks";
  }

  private static String scaleCell(Scale.Result s) {
    return num(s.ratio()) + ", " + s.failures() + ", " + s.leaks();
  }

  private static boolean meets(Scale.Result s, double ratio) {
    return s.ratio() <= ratio && s.failures() == 0 && s.leaks() == 0;
  }

  private static List<Double> lags(List<Single.Sample> s) {
    List<Double> all = new ArrayList<>(timelines(s, Timeline::provisionedLagMs));
    all.addAll(timelines(s, Timeline::effectiveLagMs));
    return all;
  }

  private static double peakRss(Bench.Results r) {
    List<Double> all = new ArrayList<>(of(r.version(), Cli.Exit::peakRssMiB));
    all.addAll(of(r.demo(), Cli.Exit::peakRssMiB));
    all.addAll(samples(r.cli(), Single.Sample::rssMiB));
    all.addAll(samples(r.cliOff(), Single.Sample::rssMiB));
    return Stats.percentile(all, 100);
  }

  private static void sideBySide(Report md, Bench.Results r, double imageMiB) {
    double pq = Bench.P.toMillis() + Bench.Q.toMillis();
    List<Single.Sample> cli = r.cli();
    List<Single.Sample> plain = r.plainCli();
    List<Single.Sample> bare = r.bare();
    List<Single.Sample> jvm = r.inJvm();
    List<Single.Sample> az = r.az();
    List<Single.Sample> az2 = r.az2();
    double cliWall = median(samples(cli, Single.Sample::wallMs));
    double azWall = median(samples(az, Single.Sample::wallMs));
    double az2Wall = median(samples(az2, Single.Sample::wallMs));
    md.line("One elevation end to end (elevate → verify → revoke, broker strategy), side by side with "
        + "`bench/az-rest-baseline.sh` (AdminAssign, poll until Provisioned, poll the permissions until the role works, "
        + "AdminRemove; every 10 s and every 2 s) on the same emulator in the same run, P = 2 s, Q = 3 s; and the "
        + "same requests as the CLI's made by the SDKs alone (`bench/.../floor/BareElevation`: azure-identity, azure-core "
        + "on OkHttp, the ARM SDK, none of jit-elevate's code), started by the launcher as the CLI is:").line("");
    md.table("median", "CLI, README's command", "CLI, plain java -jar", "the SDKs alone, launcher", "library (warm JVM)",
            "az rest, 10 s polls", "az rest, 2 s polls", "az rest 10 s / 2 s ÷ CLI")
        .row("wall, ms", cliWall, median(samples(plain, Single.Sample::wallMs)), median(samples(bare, Single.Sample::wallMs)),
            median(samples(jvm, Single.Sample::wallMs)), azWall, az2Wall, num(azWall / cliWall) + "× / " + num(az2Wall / cliWall) + "×")
        .row("overhead above P+Q, ms", cliWall - pq, median(samples(plain, s -> s.wallMs() - pq)),
            median(samples(bare, s -> s.wallMs() - pq)), median(samples(jvm, s -> s.wallMs() - pq)), azWall - pq, az2Wall - pq,
            num((azWall - pq) / (cliWall - pq)) + "× / " + num((az2Wall - pq) / (cliWall - pq)) + "×")
        .row("CPU user+sys, ms", median(samples(cli, Single.Sample::cpuMs)), median(samples(plain, Single.Sample::cpuMs)),
            median(samples(bare, Single.Sample::cpuMs)), "–", "–", "–", "")
        .row("process start → first HTTP request, ms", median(samples(cli, Single.Sample::firstRequestMs)),
            median(samples(plain, Single.Sample::firstRequestMs)), median(samples(bare, Single.Sample::firstRequestMs)), "–",
            "–", "–", "")
        .row("process start → the AdminAssign request, ms", median(samples(cli, Single.Sample::submitMs)),
            median(samples(plain, Single.Sample::submitMs)), median(samples(bare, Single.Sample::submitMs)), "–", "–", "–", "")
        .row("HTTP requests (tokens included)", median(timelines(cli, t -> (double) t.requests())),
            median(timelines(plain, t -> (double) t.requests())), median(timelines(bare, t -> (double) t.requests())),
            median(timelines(jvm, t -> (double) t.requests())), median(timelines(az, t -> (double) t.requests())),
            median(timelines(az2, t -> (double) t.requests())), "")
        .row("provisioned → next step, ms", median(timelines(cli, Timeline::provisionedLagMs)),
            median(timelines(plain, Timeline::provisionedLagMs)), median(timelines(bare, Timeline::provisionedLagMs)),
            median(timelines(jvm, Timeline::provisionedLagMs)), median(timelines(az, Timeline::provisionedLagMs)),
            median(timelines(az2, Timeline::provisionedLagMs)), "")
        .row("effective → next step, ms", median(timelines(cli, Timeline::effectiveLagMs)),
            median(timelines(plain, Timeline::effectiveLagMs)), median(timelines(bare, Timeline::effectiveLagMs)),
            median(timelines(jvm, Timeline::effectiveLagMs)), median(timelines(az, Timeline::effectiveLagMs)),
            median(timelines(az2, Timeline::effectiveLagMs)), "")
        .row("polls per second between submit and revoke", median(timelines(cli, Timeline::pollRate)),
            median(timelines(plain, Timeline::pollRate)), median(timelines(bare, Timeline::pollRate)),
            median(timelines(jvm, Timeline::pollRate)), median(timelines(az, Timeline::pollRate)),
            median(timelines(az2, Timeline::pollRate)), "")
        .row("peak RSS, MiB", median(samples(cli, Single.Sample::rssMiB)), median(samples(plain, Single.Sample::rssMiB)),
            median(samples(bare, Single.Sample::rssMiB)), "–", "–", "–", "");
    double offPq = Bench.P_OFF.toMillis() + Bench.Q_OFF.toMillis();
    md.line("").table("cold start and footprint (README's command unless stated)", "median")
        .row("`jit-elevate --version`, wall ms (plain java -jar)", num(median(of(r.version(), Cli.Exit::wallMs))) + " ("
            + num(median(of(r.plainVersion(), Cli.Exit::wallMs))) + ")")
        .row("`jit-elevate --version`, CPU ms user+sys (plain java -jar)", num(median(of(r.version(), Cli.Exit::cpuMs))) + " ("
            + num(median(of(r.plainVersion(), Cli.Exit::cpuMs))) + ")")
        .row("`jit-elevate --version`, peak RSS MiB", median(of(r.version(), Cli.Exit::peakRssMiB)))
        .row("`jit-elevate demo`, first use (lists the classes for the class-data archive; one run), wall / CPU ms",
            num(r.firstDemo().wallMs()) + " / " + num(r.firstDemo().cpuMs()))
        .row("`jit-elevate demo` (embedded emulator, whole lifecycle + Key Vault rotation), wall ms", median(of(r.demo(), Cli.Exit::wallMs)))
        .row("`jit-elevate demo --minimum-active-duration 0s` (floor off; the default 1 s floor has passed by the revoke), wall ms", median(of(r.demoNoFloor(), Cli.Exit::wallMs)))
        .row("`jit-elevate demo`, CPU ms (user+sys)", median(of(r.demo(), Cli.Exit::cpuMs)))
        .row("`jit-elevate demo`, peak RSS MiB", median(of(r.demo(), Cli.Exit::peakRssMiB)))
        .row("`jit-elevate elevate … -- true` (P=2.5 s, Q=3.5 s): overhead / CPU / first request, ms",
            num(median(samples(r.cliOff(), s -> s.wallMs() - offPq))) + " / " + num(median(samples(r.cliOff(), Single.Sample::cpuMs)))
                + " / " + num(median(samples(r.cliOff(), Single.Sample::firstRequestMs))))
        .row("production jar `jit-elevate.jar`, MiB", r.jarMiB())
        .row("container image, MiB added on top of its base (from the image section below, not re-measured)", imageMiB);
  }

  private static void scale(Report md, Bench.Results r) {
    md.line("Scale: every elevation for a different service principal through one broker (the throttle is per caller and "
        + "service, so the broker's requests to its busiest service set the bound: its non-429 ARM (or Graph) requests / "
        + "20 per second, at least P+Q). The CPU "
        + "floor is the processes' CPU time (user+sys) divided by the cores: the makespan cannot be shorter either. "
        + "The emulator serves them from the bench's JVM on the same cores; with its CPU time added (the bench JVM's "
        + "over the makespan: work that Azure does off the user's machine) the floor is what the cores had to do. "
        + "The last row is the same 20 elevations made by `BareElevation` (the SDKs alone, none of jit-elevate's code) "
        + "in the same run: what the stack costs without us.")
        .line("");
    md.table("", "elevations", "makespan ms", "throttle bound ms", "ratio", "CPU floor ms", "with the emulator's CPU ms",
        "requests", "429s", "broker requests (busiest service)", "failures", "leaks");
    for (Scale.Result s : List.of(r.scaleJvm(), r.scaleCli(), r.scaleBare())) {
      md.row(s == r.scaleJvm() ? "library, one JVM" : s == r.scaleCli() ? "CLI processes" : "the SDKs alone, processes",
          s.elevations(), s.makespanMs(), s.boundMs(),
          num(s.ratio()) + "×", s.cpuFloorMs(), s.cpuFloorWithEmulatorMs(), s.requests(), s.throttled(), s.busiestCallerRequests(), s.failures(), s.leaks());
      if (!s.firstFailure().isEmpty()) {
        Report.note("first failure (" + s.elevations() + "): " + s.firstFailure());
      }
    }
  }
}
