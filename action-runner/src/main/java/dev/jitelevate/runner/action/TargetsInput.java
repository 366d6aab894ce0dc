package dev.jitelevate.runner.action;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.runner.targets.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code targets} input: one target a line in the compact syntax of {@link TargetSpec} (blank lines and
 * lines starting with {@code #} are skipped). It replaces target/role/scope/group/access, which it excludes.
 */
final class TargetsInput {
  static final String INPUT = "targets";
  private static final List<String> EXCLUDED = List.of("role", "scope", "group");

  private TargetsInput() {}

  /**
   * The targets the input names, in its order; empty when the input is not given.
   *
   * @throws ActionFailure naming {@code targets} (and the other input, when both are given)
   */
  static Optional<List<ElevationTarget>> parse(ActionEnvironment env) {
    Optional<String> text = env.input(INPUT);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    excludeSingleTargetInputs(env);
    List<ElevationTarget> targets = new ArrayList<>();
    Set<ElevationTarget> seen = new LinkedHashSet<>();
    String[] lines = text.get().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      ElevationTarget target = parseLine(line, i + 1);
      if (!seen.add(target)) {
        throw ActionFailure.input(INPUT, "Line " + (i + 1) + " names " + UntrustedText.neutralize(target.describe(), 200)
            + " a second time. List each target once.");
      }
      targets.add(target);
    }
    if (targets.isEmpty()) {
      throw ActionFailure.input(INPUT, "targets names no target. Write one a line, as " + TargetSpec.SYNTAX + ".");
    }
    return Optional.of(List.copyOf(targets));
  }

  /** One request per target, each like {@code base} but for its own target (the first is {@code base}'s). */
  static List<ElevationRequest> requests(ElevationRequest base, List<ElevationTarget> targets) {
    return targets.stream().map(t -> new ElevationRequest(base.principal(), t, base.duration(), base.justification(),
        base.ticket(), base.strategy(), base.approvalTimeout(), base.provisioningTimeout(), base.propagationTimeout(),
        base.revokePolicy(), base.dryRun(), base.labels(), base.onConflict())).toList();
  }

  private static ElevationTarget parseLine(String line, int number) {
    try {
      return TargetSpec.parse(line);
    } catch (InvalidElevationRequestException | IllegalArgumentException e) {
      throw ActionFailure.input(INPUT, "Line " + number + ": " + UntrustedText.neutralize(String.valueOf(e.getMessage()), 400)
          + (e instanceof InvalidElevationRequestException ? "" : " Write it as " + TargetSpec.SYNTAX + "."));
    }
  }

  private static void excludeSingleTargetInputs(ActionEnvironment env) {
    for (String name : EXCLUDED) {
      if (env.input(name).isPresent()) {
        throw conflict(name);
      }
    }
    if (env.input("target").filter(t -> !t.equalsIgnoreCase("azure-role")).isPresent()) {
      throw conflict("target");
    }
    if (env.input("access").filter(a -> !a.equalsIgnoreCase("member")).isPresent()) {
      throw conflict("access");
    }
  }

  private static ActionFailure conflict(String other) {
    return ActionFailure.input(INPUT, "targets and " + other + " were both given. Use targets alone (one target a line,"
        + " e.g. azure-role:ROLE@SCOPE or group:owner@GROUP), or remove targets and use " + other + ".");
  }
}
