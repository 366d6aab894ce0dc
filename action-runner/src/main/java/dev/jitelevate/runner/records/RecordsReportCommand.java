package dev.jitelevate.runner.records;

import dev.jitelevate.audit.report.ActivationReport;
import dev.jitelevate.audit.report.HtmlReport;
import dev.jitelevate.audit.report.ReportJson;
import dev.jitelevate.audit.report.Reports;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.cli.CliInputException;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.OutputOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate records report DIR|FILES… --out report.html [--json]}: the activation report. */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Aggregate activation records into one self-contained HTML page with charts.",
        "Elevations per day by outcome, by role and scope, time to provisioned and effective, revocations, exposure "
            + "windows, top repositories and requesters, failures with request ids; --json prints the same aggregates.",
        "Files that are not records are listed and skipped, never dropped silently."})
public final class RecordsReportCommand implements Callable<Integer> {
  @ParentCommand
  RecordsCommand records;

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Record files (*.json) or folders holding them.")
  List<Path> paths;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the HTML report, e.g. report.html.")
  Path out;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    Console console = records.root().console();
    if (out == null && !output.json()) {
      throw new CliInputException("--out", "Nothing to write.", "Pass --out report.html, or --json for the aggregates.");
    }
    ActivationReport report = build();
    report.skipped().forEach(s -> console.progress("skipped " + s.file() + ": " + s.reason()));
    Optional.ofNullable(out).ifPresent(file -> write(file, HtmlReport.render(report, Instant.now())));
    if (output.json()) {
      console.result(ReportJson.toJson(report));
    } else {
      console.result("Wrote " + out + ": " + report.records() + " records, " + report.failureCount()
          + " failed, denied or timed out; " + report.skipped().size() + " files skipped.");
    }
    return ExitCodes.OK;
  }

  private ActivationReport build() {
    try {
      return Reports.build(paths);
    } catch (UncheckedIOException e) {
      String problem = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
      throw new CliInputException("DIR|FILE", problem + ".", "Check the path.");
    }
  }

  private static void write(Path file, String html) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliInputException("--out", "Cannot write " + file + " (" + e.getClass().getSimpleName() + ").",
          "Give a file path in a folder you can write to.");
    }
  }
}
