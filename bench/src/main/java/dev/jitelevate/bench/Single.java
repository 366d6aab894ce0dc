package dev.jitelevate.bench;

import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.server.JournalEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One elevation at a time: through the CLI process, in this JVM, and by the az rest baseline script. */
final class Single {
  private Single() {}

  /** One measured elevation. rssMiB and firstRequestMs are NaN where they do not apply. */
  record Sample(double wallMs, boolean ok, Timeline timeline, double firstRequestMs, double rssMiB, double cpuMs) {
    /** From the process's start to the AdminAssign request's arrival: the start and the lookups; NaN where unknown. */
    double submitMs() {
      return timeline == null ? Double.NaN : firstRequestMs + timeline.firstToSubmitMs();
    }
  }

  static Map<String, String> ciEnv(World world) {
    return Map.of("AZURE_TENANT_ID", world.emulator.tenantId(), "AZURE_CLIENT_ID", World.CI_APP,
        "AZURE_FEDERATED_TOKEN_FILE", world.federatedTokenFile().toString(), "AZURE_BROKER_CLIENT_SECRET", World.BROKER_SECRET);
  }

  /** What a process of {@code cli} is given for one elevation: the CLI's arguments, or the bare client's. */
  static String[] elevateArgs(World world, Cli cli) {
    if (cli.how() != Cli.How.BARE) {
      return elevateArgs(world);
    }
    return new String[] {world.cloud.authorityHost().toString(), world.cloud.resourceManagerEndpoint().toString(),
        world.cloud.graphEndpoint().toString(), world.caFile().toString(), world.emulator.tenantId(), World.BROKER_APP,
        World.RG_APP, World.ROLE};
  }

  static String[] elevateArgs(World world) {
    return new String[] {"elevate", "--quiet", "--auth", "environment", "--cloud-profile", world.profileFile.toString(),
        "--target", "azure-role", "--role", World.ROLE, "--scope", World.RG_APP, "--strategy", "broker",
        "--broker-client-id", World.BROKER_APP, "--minimum-active-duration", "0s", "--duration", "30m",
        "--justification", "jit-elevate bench", "--record-out", world.dir.resolve("record.json").toString(), "--", "true"};
  }

  /**
   * The launcher's first use of {@code elevate}: one elevation that lists the classes it loads, then
   * {@code --help}, which dumps the class-data archive for the production jar's class path (demo has its own),
   * and the wait for it.
   */
  static void firstUse(World world, Cli cli) throws InterruptedException {
    cliOnce(world, cli, Map.of(), Bench.P, Bench.Q);
    cli.run(Map.of(), "--help");
    cli.awaitArchives();
  }

  static List<Sample> cli(World world, Cli cli, int runs, Duration p, Duration q) throws InterruptedException {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      samples.add(cliOnce(world, cli, Map.of(), p, q));
    }
    return samples;
  }

  /** One CLI elevation with extra environment variables for the process (e.g. JIT_ELEVATE_JAVA_OPTS). */
  static Sample cliOnce(World world, Cli cli, Map<String, String> extraEnv, Duration p, Duration q)
      throws InterruptedException {
    world.prepare(World.delays(p, q));
    Map<String, String> env = new java.util.HashMap<>(ciEnv(world));
    env.putAll(extraEnv);
    Cli.Exit exit = cli.run(env, elevateArgs(world, cli));
    List<JournalEntry> journal = world.journal();
    double first = journal.isEmpty() ? Double.NaN : Duration.between(exit.started(), journal.get(0).at()).toNanos() / 1e6;
    Report.note(exit.code() == 0 ? null : "CLI elevate exited " + exit.code() + ", see " + exit.stderr());
    return new Sample(exit.wallMs(), exit.code() == 0, Timeline.of(journal, p, q).orElse(null), first, exit.peakRssMiB(),
        exit.cpuMs());
  }

  static List<Sample> inJvm(World world, int runs, Duration p, Duration q) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      world.prepare(World.delays(p, q));
      InJvm.Run run = InJvm.once(world);
      samples.add(new Sample(run.wallMs(), run.succeeded(), Timeline.of(run.journal(), p, q).orElse(null), Double.NaN, Double.NaN, Double.NaN));
      Report.note(run.succeeded() ? null : "in-JVM elevation failed: " + run.failure());
    }
    return samples;
  }

  /**
   * One elevation whose first poll of the request is answered 429 with Retry-After: 2; returns the gap between
   * that 429 and the next read of the request (should be at least 2 s).
   */
  static Optional<Double> retryAfterGapMs(World world, Duration p, Duration q) {
    world.prepare(World.delays(p, q));
    world.emulator.injectFault(FaultRule.throttle("GET", "roleAssignmentScheduleRequests/[0-9a-f-]+$", 2, 1));
    InJvm.Run run = InJvm.once(world);
    List<JournalEntry> j = run.journal();
    for (int i = 0; i < j.size(); i++) {
      JournalEntry e = j.get(i);
      if (e.status() == 429) {
        for (int k = i + 1; k < j.size(); k++) {
          if (j.get(k).path().equals(e.path()) && j.get(k).method().equals("GET")) {
            return Optional.of(Duration.between(e.at(), j.get(k).at()).toNanos() / 1e6);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The az rest baseline script on the same emulator and delays, polling every pollSeconds. */
  static List<Sample> azRest(World world, Path script, int runs, Duration p, Duration q, int pollSeconds) throws Exception {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      world.prepare(World.delays(p, q));
      ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), world.emulator.baseUrl(), world.caFile().toString(),
          world.emulator.tenantId(), world.emulator.github().oidcRequestUrl(), world.emulator.github().oidcRequestToken())
          .redirectOutput(world.dir.resolve("az-" + i + ".out").toFile())
          .redirectError(world.dir.resolve("az-" + i + ".err").toFile());
      pb.environment().put("POLL_SECONDS", String.valueOf(pollSeconds));
      long start = System.nanoTime();
      int code = pb.start().waitFor();
      double wall = (System.nanoTime() - start) / 1e6;
      samples.add(new Sample(wall, code == 0, Timeline.of(world.journal(), p, q).orElse(null), Double.NaN, Double.NaN, Double.NaN));
      Report.note(code == 0 ? null : "az rest baseline exited " + code + ", see " + world.dir.resolve("az-" + i + ".err"));
    }
    return samples;
  }
}
