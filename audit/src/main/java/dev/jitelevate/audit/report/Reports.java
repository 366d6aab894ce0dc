package dev.jitelevate.audit.report;

import dev.jitelevate.audit.Records;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Builds an {@link ActivationReport} from record files, reading them in parallel (see bench/report.sh for
 * 100,000 records). Files that are not records are reported in {@link ActivationReport#skipped()}, never dropped.
 */
public final class Reports {
  private Reports() {}

  /**
   * Reads every record named or found under the paths and aggregates them.
   *
   * @throws java.io.UncheckedIOException when a named path does not exist or a folder cannot be listed
   */
  public static ActivationReport build(List<Path> paths) {
    return Records.files(paths).parallelStream()
        .map(Records::readFile)
        .collect(Accumulator::new, Accumulator::add, Accumulator::merge)
        .finish();
  }

  /** Aggregates results already read. */
  public static ActivationReport of(Collection<? extends Records.Result> results) {
    Accumulator accumulator = new Accumulator();
    results.forEach(accumulator::add);
    return accumulator.finish();
  }
}
