package dev.jitelevate.emulator;

import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The emulator's command line, parsed and validated. */
record CliOptions(String bind, int port, Scenario scenario, Optional<Path> profileOut, Hazards hazards, boolean help) {

  private static final java.util.Set<String> OPTIONS = java.util.Set.of("--bind", "--port", "--scenario", "--profile-out",
      "--provisioning-delay", "--propagation-delay", "--min-active-duration", "--throttle-rps", "--fault-rate",
      "--latency-ms");

  static final String USAGE = String.join("\n",
      "Usage: java -jar jit-emulator.jar [options]",
      "  --bind ADDRESS              address to listen on, named in the URL and certificate (default 127.0.0.1)",
      "  --port N                    HTTPS port (default 0: a free port)",
      "  --scenario FILE|demo|empty  scenario to load (default demo)",
      "  --profile-out FILE          write the cloud profile JSON (endpoints, tenant, CA) to FILE",
      "  --provisioning-delay D      time PIM requests stay Accepted before Provisioned (e.g. 2s)",
      "  --propagation-delay D       time new assignments are not yet honoured (e.g. 5s)",
      "  --min-active-duration D     deactivation floor, ActiveDurationTooShort (default 5m)",
      "  --throttle-rps N            requests per second per caller before 429 (default 0: off)",
      "  --fault-rate P              probability 0..1 of a 503 or connection reset (default 0)",
      "  --latency-ms N              latency added to every service request (default 0)",
      "  --help                      print this help",
      "Durations: 500ms, 5s, 2m, 1h or ISO-8601 such as PT5S.");

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException with a one-line explanation of the first bad argument
   */
  static CliOptions parse(String... args) {
    int port = 0;
    String bind = "127.0.0.1";
    String scenarioArg = "demo";
    Path profileOut = null;
    Hazards hazards = Hazards.none();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return new CliOptions(bind, 0, Scenario.empty(), Optional.empty(), hazards, true);
      }
      if (!option.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument '" + option + "'.");
      }
      int eq = option.indexOf('=');
      String name = eq > 0 ? option.substring(0, eq) : option;
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("Unknown option " + name + ".");
      }
      String value;
      if (eq > 0) {
        value = option.substring(eq + 1);
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + option + " needs a value.");
        }
        value = args[++i];
      }
      switch (name) {
        case "--bind": bind = value.trim(); break;
        case "--port": port = intValue(name, value, 0, 65535); break;
        case "--scenario": scenarioArg = value; break;
        case "--profile-out": profileOut = Path.of(value); break;
        case "--provisioning-delay": hazards = hazards.withProvisioningDelay(duration(name, value)); break;
        case "--propagation-delay": hazards = hazards.withPropagationDelay(duration(name, value)); break;
        case "--min-active-duration": hazards = hazards.withMinimumActiveDuration(duration(name, value)); break;
        case "--throttle-rps": hazards = hazards.withThrottleRps(number(name, value, 0, Double.MAX_VALUE)); break;
        case "--fault-rate": hazards = hazards.withFaultRate(number(name, value, 0, 1)); break;
        case "--latency-ms": hazards = hazards.withLatency(Duration.ofMillis(intValue(name, value, 0, 600_000))); break;
        default: throw new IllegalArgumentException("Unknown option " + name + ".");
      }
    }
    return new CliOptions(bind, port, scenario(scenarioArg), Optional.ofNullable(profileOut), hazards, false);
  }

  /** Never prints the scenario: it holds passwords and client secrets. */
  @Override
  public String toString() {
    return "CliOptions[bind=" + bind + ", port=" + port + ", profileOut=" + profileOut + ", hazards=" + hazards + "]";
  }

  private static Scenario scenario(String value) {
    if (value.equals("demo")) {
      return Scenario.demo();
    }
    if (value.equals("empty")) {
      return Scenario.empty();
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--scenario: the file " + value + " does not exist (or use 'demo').");
    }
    return Scenario.file(file);
  }

  private static Duration duration(String name, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }

  private static int intValue(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
  }

  private static double number(String name, String value, double min, double max) {
    try {
      double n = Double.parseDouble(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a number from " + min + " to "
        + (max == Double.MAX_VALUE ? "any" : max) + ", not '" + value + "'.");
  }
}
