package dev.jitelevate.pimconfig;

/**
 * Bad input: a file that does not match the schema, or a name the tenant does not know. The message is one line:
 * where ({@code file:line}), what was wrong, and what to do.
 */
public final class PimConfigException extends RuntimeException {
  private final Location location;
  private final String problem;
  private final String fix;

  public PimConfigException(Location location, String problem, String fix) {
    super(location + ": " + problem + " " + fix);
    this.location = location;
    this.problem = problem;
    this.fix = fix;
  }

  public Location location() {
    return location;
  }

  public String problem() {
    return problem;
  }

  public String fix() {
    return fix;
  }
}
