package dev.jitelevate.runner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.StatusReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code status} as text and as JSON: active, pending, eligible and rbac leftovers, in that order. */
final class StatusView {
  private StatusView() {}

  static List<String> lines(StatusReport report, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add("Principal " + report.principal());
    lines.add("Active (" + report.active().size() + "):");
    report.active().forEach(e -> lines.add("  " + entry(e) + " - " + granted(e.assignmentType())));
    lines.add("Pending approval (" + report.pending().size() + "):");
    for (StatusReport.Pending p : report.pending()) {
      lines.add(String.format("  %-9s %-32s %s, %s, waiting %s (request %s)", p.surface(), p.role(), p.scope(),
          p.duration().map(d -> "for " + human(d)).orElse("no end"), human(Duration.between(p.created(), now)),
          p.requestId()));
      lines.add("            approvers: " + (p.approvers().isEmpty() ? "unknown (the policy could not be read)"
          : String.join(", ", p.approvers())));
    }
    lines.add("Eligible (" + report.eligible().size() + "):");
    report.eligible().forEach(e -> lines.add("  " + entry(e)));
    lines.add("rbac leftovers (" + report.leftovers().size() + "):");
    for (StatusReport.Leftover l : report.leftovers()) {
      lines.add(String.format("  %-32s %s %s", l.role(), l.scope(), l.markedExpiry()
          .map(e -> (l.expiredAt(now) ? "expired " : "expires ") + e).orElse("(no readable expiry)")
          + (l.expiredAt(now) ? ": 'jit-elevate sweep' removes it" : "")));
    }
    return lines;
  }

  static String json(StatusReport report, Instant now) {
    ObjectNode o = Json.object();
    o.put("principalId", report.principal().value());
    entries(o.putArray("active"), report.active());
    ArrayNode pending = o.putArray("pending");
    for (StatusReport.Pending p : report.pending()) {
      ObjectNode n = pending.addObject().put("surface", p.surface()).put("role", p.role()).put("roleId", p.roleId())
          .put("scope", p.scope()).put("requestId", p.requestId()).put("created", p.created().toString());
      p.duration().ifPresent(d -> n.put("duration", d.toString()));
      p.approvers().forEach(n.putArray("approvers")::add);
    }
    entries(o.putArray("eligible"), report.eligible());
    ArrayNode leftovers = o.putArray("rbacLeftovers");
    for (StatusReport.Leftover l : report.leftovers()) {
      ObjectNode n = leftovers.addObject().put("role", l.role()).put("scope", l.scope())
          .put("assignmentId", l.assignmentId()).put("expired", l.expiredAt(now));
      l.markedExpiry().ifPresent(e -> n.put("markedExpiry", e.toString()));
    }
    return Json.write(o);
  }

  private static void entries(ArrayNode array, List<StatusReport.Entry> entries) {
    for (StatusReport.Entry e : entries) {
      ObjectNode n = array.addObject();
      n.put("surface", e.surface()).put("role", e.role()).put("roleId", e.roleId()).put("scope", e.scope())
          .put("assignmentType", e.assignmentType());
      e.start().ifPresent(s -> n.put("start", s.toString()));
      e.end().ifPresent(s -> n.put("end", s.toString()));
    }
  }

  private static String entry(StatusReport.Entry e) {
    return String.format("%-9s %-32s %s%s", e.surface(), e.role(), e.scope(),
        e.end().map(end -> " until " + end).orElse(" (no end)"));
  }

  private static String granted(String assignmentType) {
    return switch (assignmentType) {
      case "Activated" -> "activated through PIM";
      case "Assigned" -> "assigned (no activation)";
      default -> assignmentType;
    };
  }

  private static String human(Duration d) {
    Duration positive = d.isNegative() ? Duration.ZERO : d;
    long minutes = positive.toMinutes();
    return minutes >= 120 ? positive.toHours() + "h" : minutes >= 1 ? minutes + "m" : positive.toSeconds() + "s";
  }
}
