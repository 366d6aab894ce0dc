package dev.jitelevate.runner.records;

import dev.jitelevate.audit.Records;
import dev.jitelevate.audit.ship.ShipException;
import dev.jitelevate.audit.ship.ShipResult;
import dev.jitelevate.audit.ship.ShipTarget;
import dev.jitelevate.audit.ship.Shipper;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.cli.CliInputException;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.OutputOptions;
import dev.jitelevate.runner.cli.SignIn;
import dev.jitelevate.runner.cli.SignInOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jit-elevate records ship FILES… --endpoint URL --rule-id DCR_ID [--stream S]}: sends records to a Log
 * Analytics table (Microsoft Sentinel) through the Logs Ingestion API, signed in as every other command.
 */
@Command(name = "ship", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Send activation records to Log Analytics / Microsoft Sentinel through the Logs Ingestion API.",
        "Deploy audit/infra/jit-elevation.json first; the identity needs Monitoring Metrics Publisher on the rule.",
        "Files that are not records are reported and skipped.",
        "Exit 0 when every file was shipped, 2 when some were not records, 4 when the service refused the identity, "
            + "10 when it refused otherwise or cannot be reached."})
public final class RecordsShipCommand implements Callable<Integer> {
  @ParentCommand
  RecordsCommand records;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Record files, or folders searched for *.json.")
  List<Path> paths;

  @Option(names = "--endpoint", required = true, paramLabel = "URL",
      description = "The data collection endpoint's Logs Ingestion URL (template output 'endpoint').")
  String endpoint;

  @Option(names = "--rule-id", required = true, paramLabel = "DCR_IMMUTABLE_ID",
      description = "The data collection rule's immutable id, dcr-… (template output 'ruleId').")
  String ruleId;

  @Option(names = "--stream", defaultValue = ShipTarget.DEFAULT_STREAM, paramLabel = "STREAM",
      description = "The rule's stream (default: ${DEFAULT-VALUE}).")
  String stream;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    Console console = records.root().console();
    ShipTarget target = target();
    Records.RecordSet set = read();
    SignIn identity = new SignIn(signIn, records.root().env(), console);
    Shipper shipper = Shipper.create(target, identity.identity().newCredential(),
        CloudHttp.azureHttpClient(identity.cloud()));
    if (!output.quiet()) {
      console.progress("-> ship " + set.records().size() + " records to " + target.stream() + " of " + target.ruleId());
    }
    ShipResult result;
    try {
      result = shipper.ship(set);
    } catch (ShipException e) {
      console.error("error: " + e.getMessage());
      return ExitCodes.of(dev.jitelevate.core.FailureKind.SERVICE_UNAVAILABLE);
    }
    ShipSummary.print(console, result, target, output.json());
    return exitCode(result);
  }

  private ShipTarget target() {
    try {
      return ShipTarget.of(endpoint, ruleId, stream);
    } catch (IllegalArgumentException e) {
      String option = e.getMessage().startsWith("The rule id") ? "--rule-id"
          : e.getMessage().startsWith("The stream") ? "--stream" : "--endpoint";
      throw new CliInputException(option, e.getMessage(), "");
    }
  }

  private Records.RecordSet read() {
    try {
      return Records.read(paths);
    } catch (UncheckedIOException e) {
      throw new CliInputException("FILE", e.getCause().getMessage() + ".", "");
    }
  }

  static int exitCode(ShipResult result) {
    if (result.refused().stream().anyMatch(r -> r.status() == 401 || r.status() == 403)) {
      return ExitCodes.of(dev.jitelevate.core.FailureKind.NOT_AUTHORIZED);
    }
    if (!result.refused().isEmpty()) {
      return ExitCodes.of(dev.jitelevate.core.FailureKind.SERVICE_UNAVAILABLE);
    }
    return result.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
