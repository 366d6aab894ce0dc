package dev.jitelevate.runner.cli;

import picocli.CommandLine.Option;

/** Output switches every command has. Mixed in under the name {@code output}. */
public final class OutputOptions {
  @Option(names = "--json", description = "Print the result as one JSON document on stdout (progress stays on stderr).")
  boolean json;

  @Option(names = "--stacktrace", description = "Show the stack trace of an error (for bug reports).")
  boolean stacktrace;

  @Option(names = {"-q", "--quiet"}, description = "Print no progress, only the result and errors.")
  boolean quiet;

  public boolean json() {
    return json;
  }

  public boolean stacktrace() {
    return stacktrace;
  }

  public boolean quiet() {
    return quiet;
  }
}
