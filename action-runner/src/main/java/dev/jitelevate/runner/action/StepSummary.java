package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Timeline;
import dev.jitelevate.core.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job summary ({@code GITHUB_STEP_SUMMARY}): a table of what was granted and how it ended, and a Mermaid
 * gantt of the lifecycle from the record's step timestamps. Every value is escaped for Markdown; the Mermaid
 * block contains only our own labels and epoch milliseconds.
 */
final class StepSummary {
  private StepSummary() {}

  /** The Markdown for one record. */
  static String render(String heading, ActivationRecord r, Optional<String> recordPath, Optional<String> artifact) {
    return render(heading, r, recordPath, artifact, Optional.empty());
  }

  /**
   * The Markdown for one record whose revocation started at {@code revokeStarted} (the post step's, which the
   * record does not time); without it the revocation starts when the operation (or verification) ended.
   */
  static String render(String heading, ActivationRecord r, Optional<String> recordPath, Optional<String> artifact,
      Optional<Instant> revokeStarted) {
    StringBuilder md = new StringBuilder("### ").append(UntrustedText.markdownCell(heading)).append("\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "Outcome", "**" + r.outcome() + "**");
    row(md, "Target", cell(r.target().kind().wireValue()) + " **" + cell(r.target().roleName().orElse(
        r.target().roleDefinitionId().orElse(""))) + "**" + r.target().groupAccess().map(a -> " as " + cell(a.wireValue())).orElse("")
        + " at `" + code(r.target().scope()) + "`");
    TargetSections.summaryRows(r).forEach(cells -> row(md, cells[0], cells[1]));
    row(md, "Principal", "`" + code(r.principal().id()) + "`" + r.principal().displayName().map(d -> " " + cell(d)).orElse(""));
    row(md, "Strategy", cell(r.strategy().wireValue()));
    row(md, "Request", r.requestIds().isEmpty() ? "\u2014" : "`" + code(String.join(", ", r.requestIds())) + "`");
    row(md, "Duration", Durations.format(r.window().requested()) + r.window().grantedEnd().map(e -> ", until " + e).orElse(""));
    row(md, "Revocation", cell(r.revocation().status().name()) + r.revocation().expiresAt().map(e -> " (expires " + e + ")").orElse("")
        + r.revocation().detail().map(d -> ": " + cell(d)).orElse(""));
    r.exposure().ifPresent(e -> row(md, "Exposure", "access may persist until **" + e.accessMayPersistUntil() + "**<br>"
        + cell(e.explanation())));
    operation(r).ifPresent(text -> row(md, "Operation", text));
    Optional.ofNullable(r.operation().get("notes")).filter(java.util.Map.class::isInstance)
        .map(n -> ((java.util.Map<?, ?>) n).get("verification")).ifPresent(v -> row(md, "Verification", cell(String.valueOf(v))));
    row(md, "Justification", cell(r.justification()));
    r.ticket().ifPresent(t -> row(md, "Ticket", cell(t.number()) + (t.system().isEmpty() ? "" : " (" + cell(t.system()) + ")")));
    r.error().ifPresent(e -> row(md, "Error", cell(e.kind().name()) + e.code().map(c -> " `" + code(c) + "`").orElse("")
        + ": " + cell(e.message())));
    Optional.ofNullable(r.ci().get("github.run_url")).ifPresent(u -> row(md, "Run", cell(u)));
    recordPath.ifPresent(p -> row(md, "Record", "`" + code(p) + "`" + artifact.map(a -> ", artifact `" + code(a) + "`").orElse("")));
    md.append('\n').append(gantt(r.timeline(), revokeStarted)).append('\n');
    return md.toString();
  }

  /** The operation that ran and, for a rotation, what is current per secret. */
  private static Optional<String> operation(ActivationRecord r) {
    Object name = r.operation().get("name");
    if (name == null || "none".equals(name)) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(cell(String.valueOf(name)));
    OperationLines.describe(r).forEach(line -> text.append("<br>").append(cell(line)));
    return Optional.of(text.toString());
  }

  /** One line for an elevation held for the post step, whose summary has the table. */
  static String renderHeld(String heading, ActivationRecord r) {
    StringBuilder md = new StringBuilder("### ").append(UntrustedText.markdownCell(heading)).append("\n\n")
        .append("**ACTIVE** until ").append(r.window().grantedEnd().map(Object::toString).orElse("its expiry"))
        .append(" at the latest; the post step revokes it and writes the record's table and timeline.");
    operation(r).ifPresent(text -> md.append("<br>Operation: ").append(text));
    TargetSections.summaryRows(r).forEach(cells -> md.append("<br>").append(cells[0]).append(": ").append(cells[1]));
    return md.append("\n\n").toString();
  }

  /** A Mermaid gantt of the lifecycle's phases (only those with both ends recorded). */
  static String gantt(Timeline t) {
    return gantt(t, Optional.empty());
  }

  /** Like {@link #gantt(Timeline)}, with the revocation's bar from {@code revokeStarted} to its end. */
  static String gantt(Timeline t, Optional<Instant> revokeStarted) {
    List<String> tasks = new ArrayList<>();
    Optional<Instant> grantedAt = t.approved().or(t::submitted);
    phase(tasks, "Request", Optional.of(t.requested()), t.submitted(), "req");
    phase(tasks, "Approval", t.submitted(), t.approved(), "appr");
    phase(tasks, "Provisioning", grantedAt, t.provisioned(), "prov");
    phase(tasks, "Propagation", t.provisioned(), t.verified(), "verify");
    phase(tasks, "Operation", t.operationStarted(), t.operationEnded(), "op");
    // Not "active": Mermaid reads active, done, crit and milestone as tags, not ids.
    phase(tasks, "Active", t.provisioned(), t.revoked().or(t::finished), "held");
    phase(tasks, "Revocation", revokeStarted.filter(at -> t.revoked().map(r -> !at.isAfter(r)).orElse(false))
        .or(t::operationEnded).or(t::verified), t.revoked(), "revoke");
    // Mermaid draws epoch millis in the viewer's time zone: the title names the UTC start instead of claiming UTC.
    StringBuilder m = new StringBuilder("```mermaid\ngantt\n  title Elevation lifecycle from "
        + t.requested().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (axis in your local time)\n  dateFormat x\n")
        .append("  axisFormat %H:%M:%S\n  section Lifecycle\n");
    if (tasks.isEmpty()) {
      long at = t.requested().toEpochMilli();
      tasks.add("  Requested :milestone, req, " + at + ", " + at);
    }
    tasks.forEach(task -> m.append(task).append('\n'));
    return m.append("```\n").toString();
  }

  private static void phase(List<String> tasks, String label, Optional<Instant> start, Optional<Instant> end, String id) {
    if (start.isEmpty() || end.isEmpty()) {
      return;
    }
    long from = start.get().toEpochMilli();
    long to = Math.max(end.get().toEpochMilli(), from + 1);
    tasks.add("  " + label + " :" + id + ", " + from + ", " + to);
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  /** Text inside a code span: backslashes are literal there, so only backticks and pipes are replaced. */
  private static String code(String text) {
    return UntrustedText.neutralize(text, 300).replace('`', '\'').replace("|", "\\|");
  }

  private static String cell(String text) {
    return UntrustedText.markdownCell(text);
  }

  /** Appends to the summary file, when the runner gave one. */
  static void append(Optional<Path> file, String markdown, WorkflowLog log) {
    if (file.isEmpty()) {
      return;
    }
    try {
      Files.writeString(file.get(), log.redact(markdown), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      log.warning("Step summary not written", "Cannot append to GITHUB_STEP_SUMMARY (" + e.getClass().getSimpleName() + ").");
    }
  }
}
