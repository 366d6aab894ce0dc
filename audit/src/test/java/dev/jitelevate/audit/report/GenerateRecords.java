package dev.jitelevate.audit.report;

import java.nio.file.Path;

/** {@code GenerateRecords DIR COUNT}: writes generated records for bench/report.sh. */
public final class GenerateRecords {
  private GenerateRecords() {}

  public static void main(String[] args) {
    GeneratedRecords.writeTo(Path.of(args[0]), Integer.parseInt(args[1]));
  }
}
