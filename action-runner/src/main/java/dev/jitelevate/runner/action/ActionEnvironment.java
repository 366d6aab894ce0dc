package dev.jitelevate.runner.action;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The variables the runner gives the step: inputs as {@code INPUT_<NAME>} (upper-cased, hyphens kept), the
 * {@code GITHUB_*} context and the file-command paths. Blank values count as absent.
 */
record ActionEnvironment(Map<String, String> variables) {

  ActionEnvironment {
    variables = Map.copyOf(variables);
  }

  static ActionEnvironment system() {
    return new ActionEnvironment(System.getenv());
  }

  /** The input as the workflow gave it (or action.yml's default), trimmed. */
  Optional<String> input(String name) {
    String key = "INPUT_" + name.toUpperCase(Locale.ROOT);
    return get(key).or(() -> get(key.replace('-', '_')));
  }

  /** A boolean input: true/false, yes/no, 1/0 (YAML 1.2 core schema and the usual spellings). */
  boolean flag(String name, boolean fallback) {
    Optional<String> v = input(name);
    if (v.isEmpty()) {
      return fallback;
    }
    switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "on": case "1": return true;
      case "false": case "no": case "off": case "0": return false;
      default:
        throw ActionFailure.input(name, "'" + UntrustedText.neutralize(v.get(), 40) + "' is not a boolean. Use true or false.");
    }
  }

  /** A variable, trimmed; empty when unset or blank. */
  Optional<String> get(String variable) {
    String v = variables.get(variable);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** A variable exactly as set (secrets keep their whitespace). */
  Optional<String> raw(String variable) {
    String v = variables.get(variable);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  Optional<Path> path(String variable) {
    return get(variable).map(Path::of);
  }

  /** The workspace (the step's working directory when the runner gives none). */
  Path workspace() {
    return path("GITHUB_WORKSPACE").orElse(Path.of("")).toAbsolutePath().normalize();
  }

  /** The run's URL: {@code {server}/{repository}/actions/runs/{id}[/attempts/{n}]}. */
  Optional<String> runUrl() {
    return get("GITHUB_RUN_ID").flatMap(id -> get("GITHUB_REPOSITORY").map(repo ->
        get("GITHUB_SERVER_URL").orElse("https://github.com") + "/" + repo + "/actions/runs/" + id
            + get("GITHUB_RUN_ATTEMPT").filter(a -> !a.equals("1")).map(a -> "/attempts/" + a).orElse("")));
  }
}
