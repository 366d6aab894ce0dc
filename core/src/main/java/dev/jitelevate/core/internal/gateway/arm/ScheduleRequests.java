package dev.jitelevate.core.internal.gateway.arm;

import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleRequestInner;
import com.azure.resourcemanager.authorization.models.RequestType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfo;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesTicketInfo;
import com.azure.resourcemanager.authorization.models.Type;
import dev.jitelevate.core.internal.gateway.RequestStatus;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Maps schedule requests between the lifecycle's values and the SDK's {@code roleAssignmentScheduleRequests} model. */
final class ScheduleRequests {
  private ScheduleRequests() {}

  /** The request body: who, which role, what kind, why, and for activations and assignments, for how long. */
  static RoleAssignmentScheduleRequestInner body(ScheduleRequestSpec spec) {
    RoleAssignmentScheduleRequestInner body = new RoleAssignmentScheduleRequestInner()
        .withPrincipalId(spec.principal().value())
        .withRoleDefinitionId(spec.target().roleDefinitionId().orElseThrow(
            () -> new IllegalArgumentException("An ARM schedule request needs a resolved role definition id")))
        .withRequestType(RequestType.fromString(spec.action().armValue()));
    if (spec.justification() != null && !spec.justification().isBlank()) {
      body.withJustification(spec.justification());
    }
    spec.ticket().ifPresent(t -> body.withTicketInfo(new RoleAssignmentScheduleRequestPropertiesTicketInfo()
        .withTicketNumber(t.number()).withTicketSystem(t.system())));
    spec.linkedEligibilityScheduleId().ifPresent(body::withLinkedRoleEligibilityScheduleId);
    if (!spec.action().isRemoval()) {
      RoleAssignmentScheduleRequestPropertiesScheduleInfo schedule = new RoleAssignmentScheduleRequestPropertiesScheduleInfo()
          .withExpiration(new RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration()
              .withType(Type.AFTER_DURATION).withDuration(spec.duration().toString()));
      spec.start().ifPresent(s -> schedule.withStartDateTime(OffsetDateTime.ofInstant(s, ZoneOffset.UTC)));
      body.withScheduleInfo(schedule);
    }
    return body;
  }

  /** The request as ARM reports it; the granted end is ARM's, or start plus the requested duration. */
  static ScheduleRequestView view(RoleAssignmentScheduleRequestInner inner, Optional<String> serviceRequestId) {
    String raw = inner.status() == null ? null : inner.status().toString();
    Optional<Instant> start = Optional.ofNullable(inner.scheduleInfo())
        .map(RoleAssignmentScheduleRequestPropertiesScheduleInfo::startDateTime).map(OffsetDateTime::toInstant);
    Optional<RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration> expiration =
        Optional.ofNullable(inner.scheduleInfo()).map(RoleAssignmentScheduleRequestPropertiesScheduleInfo::expiration);
    Optional<Instant> end = expiration.map(RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration::endDateTime)
        .map(OffsetDateTime::toInstant)
        .or(() -> start.flatMap(s -> expiration.map(RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration::duration)
            .flatMap(ScheduleRequests::duration).map(s::plus)));
    return new ScheduleRequestView(inner.name(), RequestStatus.parse(raw), raw == null ? "Unknown" : raw,
        Optional.ofNullable(inner.approvalId()).filter(a -> !a.isBlank()), start, end,
        Optional.ofNullable(inner.targetRoleAssignmentScheduleId()), serviceRequestId);
  }

  /** Whether an existing request is the one this spec describes (same principal, role and kind). */
  static boolean isSame(RoleAssignmentScheduleRequestInner existing, ScheduleRequestSpec spec) {
    return spec.principal().value().equalsIgnoreCase(existing.principalId())
        && ArmScopes.sameRole(existing.roleDefinitionId(), spec.target().roleDefinitionId().orElse(""))
        && existing.requestType() != null && spec.action().armValue().equalsIgnoreCase(existing.requestType().toString());
  }

  private static Optional<java.time.Duration> duration(String iso) {
    try {
      return Optional.of(java.time.Duration.parse(iso));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
