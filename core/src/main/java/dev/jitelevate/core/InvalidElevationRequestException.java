package dev.jitelevate.core;

/** A request that is wrong before anything is submitted: says which input, what is wrong and how to fix it. */
public class InvalidElevationRequestException extends ElevationException {
  private final String input;
  private final String fix;

  public InvalidElevationRequestException(String input, String problem, String fix) {
    super(FailureKind.INVALID_REQUEST, problem + " " + fix);
    this.input = input;
    this.fix = fix;
  }

  /** The input at fault ({@code scope}, {@code duration}, {@code role} ...). */
  public String input() {
    return input;
  }

  /** What to change. */
  public String fix() {
    return fix;
  }
}
