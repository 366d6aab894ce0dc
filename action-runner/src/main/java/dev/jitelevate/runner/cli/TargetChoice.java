package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.runner.targets.SetsFileException;
import dev.jitelevate.runner.targets.TargetSets;
import dev.jitelevate.runner.targets.TargetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which targets {@code elevate} was given: one {@code --target KIND} with {@code --role/--scope/--group} (as
 * before), one or more {@code --target} in the compact syntax, or a {@code --set} from the sets file with its
 * defaults.
 *
 * @param singleKind the kind of a {@code --target KIND}, whose target the other options describe
 * @param targets the compact or set targets (empty for a {@code --target KIND})
 */
record TargetChoice(Optional<TargetKind> singleKind, List<ElevationTarget> targets, Optional<Duration> duration,
    Optional<String> justification) {

  static TargetChoice of(RequestOptions o, Path defaultSetsFile) {
    if (o.set != null) {
      return fromSet(o, o.config != null ? o.config : defaultSetsFile);
    }
    if (o.config != null) {
      throw new CliInputException("--config", "--config names the sets file, but no --set was given.",
          "Add --set NAME, or remove --config.");
    }
    return of(o.target);
  }

  /** The choice the target options make alone: one {@code --target KIND}, or compact {@code --target}s. */
  static TargetChoice of(TargetOptions o) {
    if (o.targets.isEmpty()) {
      throw new CliInputException("--target", "No target was given.", "Pass --target KIND with --role/--scope/--group, "
          + "--target in the compact syntax (" + TargetSpec.SYNTAX + ", repeatable), or --set NAME.");
    }
    if (o.targets.stream().allMatch(TargetSpec::isCompact)) {
      forbidSingleOptions(o, "a compact --target");
      return new TargetChoice(Optional.empty(), o.targets.stream().map(TargetSpec::parse).toList(), Optional.empty(),
          Optional.empty());
    }
    if (o.targets.size() > 1) {
      throw new CliInputException("--target", "Several --target were given, not all in the compact syntax.",
          "Write each as " + TargetSpec.SYNTAX + ".");
    }
    try {
      return new TargetChoice(Optional.of(TargetKind.parse(o.targets.get(0))), List.of(), Optional.empty(), Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new CliInputException("--target", e.getMessage(), "Or write it as " + TargetSpec.SYNTAX + ".");
    }
  }

  private static TargetChoice fromSet(RequestOptions o, Path file) {
    if (o.target.given()) {
      throw new CliInputException("--set", "--set and --target were given together.", "Use one of them.");
    }
    forbidSingleOptions(o.target, "--set");
    try {
      TargetSets.TargetSet set = TargetSets.load(file, o.set);
      return new TargetChoice(Optional.empty(), set.targets(), set.duration(), set.justification());
    } catch (SetsFileException e) {
      throw new CliInputException(o.config != null ? "--config" : "--set", e.getMessage(), "");
    }
  }

  private static void forbidSingleOptions(TargetOptions o, String with) {
    forbid(o.role, "--role", with);
    forbid(o.scope, "--scope", with);
    forbid(o.group, "--group", with);
  }

  private static void forbid(String value, String option, String with) {
    if (value != null) {
      throw new CliInputException(option, option + " does not apply with " + with + ", which names its targets itself.",
          "Remove " + option + ".");
    }
  }

  /** The kind of a target, for checks that depend on it (what a sign-in can verify). */
  static TargetKind kindOf(ElevationTarget target) {
    if (target instanceof ElevationTarget.AzureRole) {
      return TargetKind.AZURE_ROLE;
    }
    return target instanceof ElevationTarget.DirectoryRole ? TargetKind.DIRECTORY_ROLE : TargetKind.GROUP;
  }
}
