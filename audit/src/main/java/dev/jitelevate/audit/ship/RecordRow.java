package dev.jitelevate.audit.ship;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.GroupAccess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One record as one row of the {@code JitElevation_CL} table, column by column as declared by the stream
 * {@code Custom-JitElevation} in {@code audit/infra/jit-elevation.json}. Absent values are left out (the
 * column stays empty); instants are ISO-8601 text, as the {@code datetime} columns expect.
 */
public final class RecordRow {
  private RecordRow() {}

  /** Returns the row for a record. */
  public static Map<String, Object> of(ActivationRecord r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("TimeGenerated", r.timeline().requested().toString());
    row.put("RecordId", recordId(r));
    row.put("SchemaVersion", r.schemaVersion());
    principalAndTarget(row, r);
    row.put("Strategy", r.strategy().wireValue());
    put(row, "Justification", Optional.of(r.justification()).filter(j -> !j.isEmpty()));
    r.ticket().ifPresent(t -> {
      row.put("TicketNumber", t.number());
      put(row, "TicketSystem", Optional.of(t.system()).filter(s -> !s.isEmpty()));
    });
    row.put("Outcome", r.outcome().name());
    row.put("RevocationStatus", r.revocation().status().name());
    put(row, "RevocationDetail", r.revocation().detail());
    putTime(row, "ExpiresAt", r.revocation().expiresAt());
    row.put("RequestedDuration", r.window().requested().toString());
    row.put("RequestedSeconds", r.window().requested().getSeconds());
    putTime(row, "GrantedStart", r.window().grantedStart());
    putTime(row, "GrantedEnd", r.window().grantedEnd());
    timeline(row, r.timeline());
    ExposureWindow.of(r).ifPresent(w -> {
      row.put("ExposureStart", w.start().toString());
      row.put("ExposureEnd", w.end().toString());
      row.put("ExposureSeconds", w.length().getSeconds());
    });
    r.exposure().ifPresent(e -> {
      row.put("TokensIssuedDuringWindow", e.tokensIssued());
      row.put("AccessMayPersistUntil", e.accessMayPersistUntil().toString());
    });
    approvalAndError(row, r);
    row.put("RequestIds", r.requestIds());
    row.put("Retries", r.retries());
    row.put("ApiCalls", r.apiCalls());
    put(row, "OperationName", Optional.ofNullable(r.operation().get("name")).map(Object::toString));
    row.put("Operation", r.operation());
    CiColumns.put(row, r.ci());
    return row;
  }

  private static void principalAndTarget(Map<String, Object> row, ActivationRecord r) {
    row.put("PrincipalId", r.principal().id());
    put(row, "PrincipalName", r.principal().displayName());
    put(row, "PrincipalType", r.principal().type());
    row.put("TargetKind", r.target().kind().wireValue());
    put(row, "RoleDefinitionId", r.target().roleDefinitionId());
    put(row, "RoleName", r.target().roleName());
    row.put("Scope", r.target().scope());
    put(row, "GroupAccess", r.target().groupAccess().map(GroupAccess::wireValue));
  }

  private static void timeline(Map<String, Object> row, ActivationRecord.Timeline t) {
    row.put("RequestedAt", t.requested().toString());
    putTime(row, "SubmittedAt", t.submitted());
    putTime(row, "ApprovedAt", t.approved());
    putTime(row, "ProvisionedAt", t.provisioned());
    putTime(row, "VerifiedAt", t.verified());
    putTime(row, "OperationStartedAt", t.operationStarted());
    putTime(row, "OperationEndedAt", t.operationEnded());
    putTime(row, "RevokedAt", t.revoked());
    putTime(row, "FinishedAt", t.finished());
  }

  private static void approvalAndError(Map<String, Object> row, ActivationRecord r) {
    r.approval().ifPresent(a -> {
      row.put("ApprovalId", a.approvalId());
      put(row, "ApproverId", a.approverId());
      put(row, "ApprovalDecision", a.decision());
    });
    r.error().ifPresent(e -> {
      row.put("ErrorKind", e.kind().name());
      put(row, "ErrorCode", e.code());
      row.put("ErrorMessage", e.message());
      put(row, "AzureRequestId", e.azureRequestId());
    });
  }

  /** A stable id: the first 128 bits of the SHA-256 of the record's canonical JSON. */
  static String recordId(ActivationRecord r) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(ActivationRecords.toJson(r).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static void put(Map<String, Object> row, String column, Optional<String> value) {
    value.filter(v -> !v.isEmpty()).ifPresent(v -> row.put(column, v));
  }

  private static void putTime(Map<String, Object> row, String column, Optional<Instant> value) {
    value.ifPresent(v -> row.put(column, v.toString()));
  }
}
