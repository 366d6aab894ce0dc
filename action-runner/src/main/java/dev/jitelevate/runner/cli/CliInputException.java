package dev.jitelevate.runner.cli;

/** Bad input the CLI itself detects: names the option and the fix, exits with 2. */
public final class CliInputException extends RuntimeException {
  private final String option;
  private final String fix;

  public CliInputException(String option, String problem, String fix) {
    super(problem + " " + fix);
    this.option = option;
    this.fix = fix;
  }

  /** The option at fault, e.g. {@code --broker-client-id}. */
  public String option() {
    return option;
  }

  public String fix() {
    return fix;
  }
}
