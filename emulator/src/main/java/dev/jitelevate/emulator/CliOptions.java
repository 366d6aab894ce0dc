package dev.jitelevate.emulator;

import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;

/** The emulator's command line, parsed by picocli ({@link CliCommand}) and validated. */
record CliOptions(String bind, int port, Scenario scenario, Optional<Path> profileOut, Hazards hazards, boolean help) {

  /** Returns the usage text, generated from the options. */
  static String usage() {
    return commandLine(new CliCommand()).getUsageMessage().stripTrailing();
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException with a one-line explanation of the first bad argument
   */
  static CliOptions parse(String... args) {
    CliCommand command = new CliCommand();
    CommandLine cli = commandLine(command);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.UnmatchedArgumentException e) {
      String first = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
      String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      throw new IllegalArgumentException(first.startsWith("-") ? "Unknown option " + name + "."
          : "Unexpected argument '" + first + "'.");
    } catch (CommandLine.MissingParameterException e) {
      String option = e.getMissing().stream().filter(CommandLine.Model.OptionSpec.class::isInstance)
          .map(spec -> ((CommandLine.Model.OptionSpec) spec).longestName()).findFirst().orElse("");
      throw new IllegalArgumentException("Option " + option + " needs a value.");
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    if (cli.isUsageHelpRequested()) {
      return new CliOptions(command.bind, 0, Scenario.empty(), Optional.empty(), Hazards.none(), true);
    }
    return new CliOptions(command.bind.trim(), intValue("--port", command.port, 0, 65535), scenario(command.scenario),
        Optional.ofNullable(command.profileOut).map(Path::of), hazards(command), false);
  }

  private static CommandLine commandLine(CliCommand command) {
    return new CommandLine(command).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
  }

  private static Hazards hazards(CliCommand c) {
    Hazards hazards = Hazards.none();
    if (c.provisioningDelay != null) {
      hazards = hazards.withProvisioningDelay(duration("--provisioning-delay", c.provisioningDelay));
    }
    if (c.propagationDelay != null) {
      hazards = hazards.withPropagationDelay(duration("--propagation-delay", c.propagationDelay));
    }
    if (c.minActiveDuration != null) {
      hazards = hazards.withMinimumActiveDuration(duration("--min-active-duration", c.minActiveDuration));
    }
    if (c.throttleRps != null) {
      hazards = hazards.withThrottleRps(number("--throttle-rps", c.throttleRps, 0, Double.MAX_VALUE));
    }
    if (c.faultRate != null) {
      hazards = hazards.withFaultRate(number("--fault-rate", c.faultRate, 0, 1));
    }
    if (c.latencyMs != null) {
      hazards = hazards.withLatency(Duration.ofMillis(intValue("--latency-ms", c.latencyMs, 0, 600_000)));
    }
    return hazards;
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
    if (value.equals("hardened-broker")) {
      return HardenedBrokerScenario.of(Scenario.demo());
    }
    if (value.equals("empty")) {
      return Scenario.empty();
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--scenario: the file " + value + " does not exist (or use 'demo', 'hardened-broker' or 'empty').");
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
