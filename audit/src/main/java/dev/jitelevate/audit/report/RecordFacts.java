package dev.jitelevate.audit.report;

import dev.jitelevate.audit.report.ActivationReport.FailureRow;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Failure;
import java.time.Instant;
import java.util.Optional;

/** What the report reads from one record, named once: its role, requester, repository, end of access. */
final class RecordFacts {
  static final String REPOSITORY = "github.repository";
  static final String ACTOR = "github.actor";
  static final String RUN_URL = "github.run_url";

  private RecordFacts() {}

  /** The role's name (else its id), or for a group the group and access kind. */
  static String role(ActivationRecord r) {
    ActivationRecord.Target t = r.target();
    if (t.kind() == ActivationRecord.TargetKind.GROUP) {
      return "group " + t.scope() + t.groupAccess().map(a -> " (" + a.wireValue() + ")").orElse("");
    }
    return t.roleName().or(t::roleDefinitionId).orElse("(unnamed role)");
  }

  /** Who asked: the CI actor, else the principal's display name, else its id. */
  static String requester(ActivationRecord r) {
    return Optional.ofNullable(r.ci().get(ACTOR)).filter(s -> !s.isBlank())
        .or(r.principal()::displayName).orElse(r.principal().id());
  }

  static Optional<String> repository(ActivationRecord r) {
    return Optional.ofNullable(r.ci().get(REPOSITORY)).filter(s -> !s.isBlank());
  }

  /** When the elevation itself ended: revoked, else finished, else the granted end, else the request. */
  static Instant accessEnded(ActivationRecord r) {
    return r.timeline().revoked().or(r.timeline()::finished).or(r.window()::grantedEnd)
        .orElse(r.timeline().requested());
  }

  static FailureRow failureRow(ActivationRecord r) {
    Optional<Failure> error = r.error();
    String target = role(r) + " on " + r.target().scope();
    return new FailureRow(r.timeline().requested(), r.outcome().name(),
        error.map(f -> f.kind().name()).orElse(r.outcome().name()), error.flatMap(Failure::code),
        error.map(Failure::message).orElse(""), r.requestIds(), error.flatMap(Failure::azureRequestId), target,
        requester(r), repository(r), Optional.ofNullable(r.ci().get(RUN_URL)));
  }
}
