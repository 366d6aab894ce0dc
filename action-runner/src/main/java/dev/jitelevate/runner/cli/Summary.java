package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.SweepReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Human-readable results: what happened, in a few lines. */
final class Summary {
  private Summary() {}

  static List<String> of(ActivationRecord r, Optional<Path> recordFile) {
    List<String> lines = new ArrayList<>();
    ActivationRecord.Target t = r.target();
    lines.add("Outcome:    " + r.outcome() + " (" + r.strategy().wireValue() + ") "
        + (r.targets().isEmpty() ? target(t) : r.targets().size() + " targets, all-or-nothing"));
    for (int i = 0; i < r.targets().size(); i++) {
      ActivationRecord.TargetSection s = r.targets().get(i);
      lines.add(String.format("Target %-4s", (i + 1) + ":") + target(s.target()) + ": " + s.outcome() + ", "
          + s.revocation().status() + s.error().map(e -> " - " + e.kind() + ": " + e.message()).orElse(""));
    }
    lines.add("Principal:  " + r.principal().id() + r.principal().displayName().map(n -> " (" + n + ")").orElse(""));
    lines.add("Window:     requested " + Durations.format(r.window().requested())
        + r.window().grantedEnd().map(end -> ", granted until " + end).orElse(""));
    lines.add("Revocation: " + r.revocation().status() + r.revocation().detail().map(d -> " - " + d).orElse(""));
    r.exposure().ifPresent(e -> lines.add("Exposure:   access may persist until " + e.accessMayPersistUntil()
        + " (" + e.tokensIssued() + " token" + (e.tokensIssued() == 1 ? "" : "s") + " obtained while active; tokens"
        + " live up to " + Durations.format(e.maxAccessTokenLifetime()) + ")"));
    r.exposure().flatMap(ActivationRecord.Exposure::sessionsRevoked)
        .ifPresent(s -> lines.add("Sessions:   " + s.describe()));
    operation(r).ifPresent(lines::add);
    r.error().ifPresent(e -> lines.add("Error:      " + e.kind() + e.code().map(c -> " [" + c + "]").orElse("") + ": " + e.message()));
    lines.add("Requests:   " + (r.requestIds().isEmpty() ? "none" : String.join(", ", r.requestIds()))
        + "; " + r.apiCalls() + " API calls, " + r.retries() + " retries" + took(r.timeline()));
    recordFile.ifPresent(f -> lines.add("Record:     " + f));
    return lines;
  }

  private static String target(ActivationRecord.Target t) {
    return t.kind().wireValue() + " " + t.roleName().or(t::roleDefinitionId)
        .or(() -> t.groupAccess().map(GroupAccess::wireValue)).orElse("") + " at " + t.scope();
  }

  /** The operation and its notes (ids and versions, never values), when one ran. */
  private static Optional<String> operation(ActivationRecord r) {
    Object name = r.operation().get("name");
    if (name == null || "none".equals(name)) {
      return Optional.empty();
    }
    Object notes = r.operation().get("notes");
    return Optional.of("Operation:  " + name + (notes instanceof java.util.Map<?, ?> m && !m.isEmpty() ? " " + m : ""));
  }

  private static String took(ActivationRecord.Timeline tl) {
    return tl.finished().map(f -> ", " + EventRenderer.took(java.time.Duration.between(tl.requested(), f)) + " in all").orElse("");
  }

  static List<String> held(RevocationHandle handle, Path file, String signInHint) {
    return List.of(
        "Elevated:   " + handle.principalId() + " until " + handle.expiresAt() + " (request " + handle.requestId() + ")",
        "Handle:     " + file,
        handle.strategy() == dev.jitelevate.core.Strategy.RBAC
            ? "Revoke it when done: a plain role assignment never expires by itself (only 'jit-elevate sweep' removes it"
                + " after " + handle.expiresAt() + "):"
            : "Revoke it when done (or it expires by itself at " + handle.expiresAt() + "):",
        "  jit-elevate revoke --handle " + file + signInHint);
  }

  static List<String> sweep(SweepReport report) {
    List<String> lines = new ArrayList<>();
    lines.add("Swept " + report.scope() + ": removed " + report.removedAssignmentIds().size() + ", kept "
        + report.keptAssignmentIds().size() + " (not yet expired).");
    report.removedAssignmentIds().forEach(id -> lines.add("  removed " + id));
    return lines;
  }
}
