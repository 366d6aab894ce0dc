package dev.jitelevate.runner.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.pimconfig.yaml.YamlDocument;
import dev.jitelevate.pimconfig.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person's named sets of targets ({@code elevate --set oncall}), from {@code $XDG_CONFIG_HOME/jit-elevate/sets.yaml}
 * (else {@code ~/.config/jit-elevate/sets.yaml}, or {@code --config FILE}):
 *
 * <pre>
 * sets:
 *   oncall:
 *     duration: 1h                     # optional; --duration wins
 *     justification: on-call shift     # optional; --justification wins
 *     targets:
 *       - azure-role:Contributor@/subscriptions/{id}/resourceGroups/rg-app
 *       - directory-role:User Administrator
 *       - group:member@grp-ops
 * </pre>
 */
public final class TargetSets {
  private static final Set<String> SET_KEYS = Set.of("targets", "duration", "justification");

  private TargetSets() {}

  /** One named set: its targets and the defaults it gives. */
  public record TargetSet(String name, List<ElevationTarget> targets, Optional<Duration> duration,
      Optional<String> justification) {
    public TargetSet {
      targets = List.copyOf(targets);
    }
  }

  /** {@code $XDG_CONFIG_HOME/jit-elevate/sets.yaml}, else {@code $HOME/.config/jit-elevate/sets.yaml}. */
  public static Path defaultFile(Optional<String> xdgConfigHome, Optional<String> home) {
    Path config = xdgConfigHome.filter(x -> !x.isBlank()).map(Path::of)
        .orElseGet(() -> Path.of(home.orElse(System.getProperty("user.home")), ".config"));
    return config.resolve("jit-elevate").resolve("sets.yaml");
  }

  /**
   * Reads the set called {@code name} from the file.
   *
   * @throws SetsFileException naming the file, the line, what is wrong and the fix
   */
  public static TargetSet load(Path file, String name) {
    YamlDocument yaml = parse(file);
    JsonNode sets = yaml.root().path("sets");
    if (!sets.isObject() || sets.isEmpty()) {
      throw new SetsFileException(file, yaml.lineOf("$.sets"), "It names no sets.",
          "Start it with 'sets:' and one set under it, e.g. 'oncall:' with 'targets:' (one target per item).");
    }
    JsonNode set = sets.get(name);
    if (set == null) {
      List<String> known = new ArrayList<>();
      sets.fieldNames().forEachRemaining(known::add);
      throw new SetsFileException(file, 0, "It has no set '" + TargetSpec.printable(name) + "'.",
          "Use one of " + String.join(", ", known) + ", or add it under 'sets:'.");
    }
    return read(file, yaml, name, set);
  }

  private static TargetSet read(Path file, YamlDocument yaml, String name, JsonNode set) {
    String at = "$.sets." + name;
    if (!set.isObject()) {
      throw new SetsFileException(file, yaml.lineOf(at), "The set '" + name + "' is not a mapping.",
          "Give it 'targets:' (a list) and optionally 'duration:' and 'justification:'.");
    }
    for (Iterator<String> keys = set.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!SET_KEYS.contains(key)) {
        throw new SetsFileException(file, yaml.lineOf(at + "." + key), "'" + TargetSpec.printable(key)
            + "' is not a setting of a set.", "Use targets, duration or justification.");
      }
    }
    JsonNode targets = set.path("targets");
    if (!targets.isArray() || targets.isEmpty()) {
      throw new SetsFileException(file, yaml.lineOf(at + ".targets"), "The set '" + name + "' has no targets.",
          "List them under 'targets:', one per item, as " + TargetSpec.SYNTAX + ".");
    }
    List<ElevationTarget> parsed = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      parsed.add(value(file, yaml, at + ".targets[" + i + "]", targets.get(i), TargetSpec::parse));
    }
    Optional<Duration> duration = set.has("duration")
        ? Optional.of(value(file, yaml, at + ".duration", set.get("duration"), d -> Durations.parse("duration", d)))
        : Optional.empty();
    Optional<String> justification = set.has("justification")
        ? Optional.of(value(file, yaml, at + ".justification", set.get("justification"), j -> j))
        : Optional.empty();
    return new TargetSet(name, parsed, duration, justification);
  }

  private static <T> T value(Path file, YamlDocument yaml, String path, JsonNode node,
      java.util.function.Function<String, T> parser) {
    int line = yaml.lineOf(path);
    if (!node.isValueNode() || node.isNull()) {
      throw new SetsFileException(file, line, "The value of " + path.substring(2) + " is not text.",
          "Write it on one line as text.");
    }
    try {
      return parser.apply(node.asText());
    } catch (InvalidElevationRequestException e) {
      throw new SetsFileException(file, line, e.getMessage(), "");
    } catch (IllegalArgumentException e) {
      throw new SetsFileException(file, line, e.getMessage(), "");
    }
  }

  private static YamlDocument parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new SetsFileException(file, 0, "There is no sets file.",
          "Create it (see docs/cli-sign-in.md#sets-of-targets) or pass --config FILE.");
    } catch (IOException e) {
      throw new SetsFileException(file, 0, "It cannot be read (" + e.getClass().getSimpleName() + ").",
          "Check that it exists and that you may read it, or pass --config FILE.");
    }
    try {
      return YamlDocument.parse(text);
    } catch (YamlProblem e) {
      throw new SetsFileException(file, e.line(), e.problem(),
          "Fix the YAML at that line (indentation, a missing colon or quote).");
    }
  }
}
