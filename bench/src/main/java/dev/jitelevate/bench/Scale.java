package dev.jitelevate.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.jitelevate.emulator.server.JournalEntry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Many elevations at once against an emulator throttled to {@code rps} requests per second per caller. */
final class Scale {
  private Scale() {}

  /**
   * @param boundMs the lower bound on the makespan: the busiest caller's requests to one service (the emulator
   *     throttles each caller on each service on its own; not 429s, not tokens: Entra is not throttled) at rps,
   *     and never less than P+Q
   * @param cpuFloorMs the CLI processes' CPU time (user+sys) divided by the cores; NaN in one JVM
   * @param emulatorCpuMs the bench JVM's own CPU time over the makespan: the emulator serving the processes, on
   *     the same cores (Azure's share, which a user's machine does not pay); NaN in one JVM, where it is shared
   *     with the elevations
   */
  record Result(int elevations, double makespanMs, double boundMs, int failures, int leaks, int requests,
      int throttled, int busiestCallerRequests, String firstFailure, double cpuFloorMs, double emulatorCpuMs) {
    double ratio() {
      return makespanMs / boundMs;
    }

    /** The CPU floor with the emulator's CPU time added: what the shared cores had to do. */
    double cpuFloorWithEmulatorMs() {
      return cpuFloorMs + emulatorCpuMs / CORES;
    }
  }

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  static Result inJvm(World world, int n, double rps, Duration p, Duration q) throws Exception {
    world.prepare(World.delays(p, q).withThrottleRps(rps));
    InJvm.Batch batch = InJvm.concurrent(world, n);
    return result(world, n, rps, p, q, batch.makespanMs(), batch.failures(), batch.failureMessages(), Double.NaN,
        Double.NaN);
  }

  static Result cli(World world, Cli cli, int n, double rps, Duration p, Duration q) throws Exception {
    world.prepare(World.delays(p, q).withThrottleRps(rps));
    List<Cli.Running> running = new ArrayList<>();
    long emulatorCpu = ownCpuNanos();
    long start = System.nanoTime();
    for (int i = 1; i <= n; i++) {
      Map<String, String> env = Map.of("AZURE_TENANT_ID", world.emulator.tenantId(), "AZURE_CLIENT_ID", World.spAppId(i),
          "AZURE_CLIENT_SECRET", World.spSecret(i), "AZURE_BROKER_CLIENT_SECRET", World.BROKER_SECRET);
      running.add(cli.start(env, Single.elevateArgs(world, cli)));
    }
    int failures = 0;
    double cpuMs = 0;
    List<String> messages = new ArrayList<>();
    for (Cli.Running r : running) {
      Cli.Exit exit = r.await();
      cpuMs += exit.cpuMs();
      if (exit.code() != 0) {
        failures++;
        messages.add("exit " + exit.code() + ", see " + exit.stderr());
      }
    }
    double makespan = (System.nanoTime() - start) / 1e6;
    double emulatorMs = (ownCpuNanos() - emulatorCpu) / 1e6;
    return result(world, n, rps, p, q, makespan, failures, messages, cpuMs / CORES, emulatorMs);
  }

  /** This JVM's CPU time (user+sys, every thread), in nanoseconds. */
  private static long ownCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Result result(World world, int n, double rps, Duration p, Duration q, double makespanMs, int failures,
      List<String> messages, double cpuFloorMs, double emulatorCpuMs) {
    List<JournalEntry> journal = world.journal();
    Map<String, Integer> perCaller = new HashMap<>();
    int throttled = 0;
    for (JournalEntry e : journal) {
      if (e.status() == 429) {
        throttled++;
      } else if (!e.surface().equals("entra")) {
        // the emulator's buckets: one per caller and service
        perCaller.merge((e.callerObjectId() == null ? "anonymous" : e.callerObjectId()) + " on " + e.surface(), 1,
            Integer::sum);
      }
    }
    int busiest = perCaller.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double bound = Math.max(busiest / rps * 1000, (p.toMillis() + q.toMillis()));
    return new Result(n, makespanMs, bound, failures, world.emulator.leaks().size(), journal.size(), throttled, busiest,
        messages.isEmpty() ? "" : messages.get(0), cpuFloorMs, emulatorCpuMs);
  }
}
