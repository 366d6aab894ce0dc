package dev.jitelevate.runner.approvals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The auto-approver's decisions as JSON lines, one per decision, appended: what was asked, what was decided
 * ({@code approved}, {@code left-pending}, {@code failed}), under which rule or why not, and by whom.
 */
final class DecisionLog {
  /** What the watch did with a request. */
  enum Outcome {
    APPROVED("approved"), LEFT_PENDING("left-pending"), FAILED("failed");

    final String wire;

    Outcome(String wire) {
      this.wire = wire;
    }
  }

  private final Path file;
  private final String policyFile;

  DecisionLog(Path file, String policyFile) {
    this.file = file;
    this.policyFile = policyFile;
  }

  Path file() {
    return file;
  }

  void write(Instant at, PendingApproval p, String approverId, Outcome outcome, AutoApprovalPolicy.Verdict verdict,
      Optional<String> failure) {
    ObjectNode line = JsonNodeFactory.instance.objectNode().put("schema", "jit-elevate.approval-decision/v1")
        .put("time", at.toString()).put("decision", outcome.wire).put("surface", p.surface().optionValue())
        .put("approvalId", p.approvalId()).put("requestId", p.requestId()).put("requester", p.requesterId())
        .put("target", p.targetId()).put("scope", p.scope()).put("justification", p.justification())
        .put("requestedAt", p.created().toString()).put("approver", approverId).put("policy", policyFile);
    p.targetName().ifPresent(n -> line.put("targetName", n));
    p.duration().ifPresent(d -> line.put("duration", d.toString()));
    p.ticket().ifPresent(t -> line.put("ticket", t));
    verdict.rule().ifPresent(r -> line.put("rule", r));
    verdict.reasons().forEach(line.putArray("reasons")::add);
    failure.ifPresent(f -> line.put("error", f));
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append the decision to " + file + ": " + e.getMessage(), e);
    }
  }
}
