package dev.jitelevate.runner.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment as the CLI sees it. Only the runner reads the environment; tests pass their own.
 *
 * @param variables the variables, never logged (some are secrets)
 */
public record Env(Map<String, String> variables) {
  /** The variable with the broker's client secret (never an argument: arguments leak to {@code ps}). */
  public static final String BROKER_SECRET = "AZURE_BROKER_CLIENT_SECRET";

  public Env {
    variables = Map.copyOf(variables);
  }

  /** The real process environment. */
  public static Env system() {
    return new Env(System.getenv());
  }

  /** The variable's value when it is set and not blank. */
  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "Env[" + variables.size() + " variables]";
  }
}
