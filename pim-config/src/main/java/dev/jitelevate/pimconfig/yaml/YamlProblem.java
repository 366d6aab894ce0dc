package dev.jitelevate.pimconfig.yaml;

/** A YAML file that cannot be used: the line (0 for the whole file), what is wrong and how to fix it. */
public final class YamlProblem extends RuntimeException {
  private final int line;
  private final String problem;
  private final String fix;

  YamlProblem(int line, String problem, String fix) {
    super(problem + " " + fix);
    this.line = line;
    this.problem = problem;
    this.fix = fix;
  }

  /** The 1-based line, or 0 when the file as a whole is at fault. */
  public int line() {
    return line;
  }

  /** What is wrong, one sentence. */
  public String problem() {
    return problem;
  }

  /** What to do about it. */
  public String fix() {
    return fix;
  }
}
