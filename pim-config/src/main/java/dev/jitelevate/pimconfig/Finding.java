package dev.jitelevate.pimconfig;

/**
 * One lint finding: which principle, how bad, where in the file, what is wrong and how to fix it.
 *
 * @param rule the rule id, e.g. {@code PIM003}
 */
public record Finding(String rule, Severity severity, Location location, String message, String fix) {
  /** How bad a finding is; errors fail {@code pim lint}. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** {@code pim.yaml:12: error PIM003 message. Fix: fix} */
  public String render() {
    return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " " + rule + " " + message + " Fix: " + fix;
  }
}
