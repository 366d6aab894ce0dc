package dev.jitelevate.emulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The emulator's options as picocli reads them; values stay text here and {@link CliOptions} validates them, so
 * each bad value gets its own one-line reason.
 */
@Command(name = "java -jar jit-emulator.jar", sortOptions = false, usageHelpWidth = 110,
    footer = "Durations: 500ms, 5s, 2m, 1h or ISO-8601 such as PT5S.")
final class CliCommand {
  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "address to listen on, named in the URL and certificate (default 127.0.0.1)")
  String bind = "127.0.0.1";

  @Option(names = "--port", paramLabel = "N", description = "HTTPS port (default 0: a free port)")
  String port = "0";

  @Option(names = "--scenario", paramLabel = "FILE|demo|hardened-broker|empty",
      description = "scenario to load (default demo; hardened-broker: the demo with the hardened broker set-up)")
  String scenario = "demo";

  @Option(names = "--profile-out", paramLabel = "FILE",
      description = "write the cloud profile JSON (endpoints, tenant, CA) to FILE")
  String profileOut;

  @Option(names = "--provisioning-delay", paramLabel = "D",
      description = "time PIM requests stay Accepted before Provisioned (e.g. 2s)")
  String provisioningDelay;

  @Option(names = "--propagation-delay", paramLabel = "D",
      description = "time new assignments are not yet honoured (e.g. 5s)")
  String propagationDelay;

  @Option(names = "--min-active-duration", paramLabel = "D",
      description = "deactivation floor, ActiveDurationTooShort (default 5m)")
  String minActiveDuration;

  @Option(names = "--throttle-rps", paramLabel = "N",
      description = "requests per second per caller on each service before 429 (default 0: off)")
  String throttleRps;

  @Option(names = "--fault-rate", paramLabel = "P",
      description = "probability 0..1 of a 503 or connection reset (default 0)")
  String faultRate;

  @Option(names = "--latency-ms", paramLabel = "N", description = "latency added to every service request (default 0)")
  String latencyMs;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
  boolean help;
}
