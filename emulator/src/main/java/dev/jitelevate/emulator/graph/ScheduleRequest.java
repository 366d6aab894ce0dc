package dev.jitelevate.emulator.graph;

import java.time.Instant;

/**
 * One schedule request (assignment or eligibility, directory role or group) and its mutable status.
 * Guarded by the {@link PimState} lock.
 */
final class ScheduleRequest {
  enum Type { ASSIGNMENT, ELIGIBILITY }

  final String id;
  final Type type;
  final String action;
  final String principalId;
  final PimTarget target;
  final String justification;
  final String ticketNumber;
  final String ticketSystem;
  final String customData;
  final RequestSchedule schedule;
  final boolean validationOnly;
  final Instant createdAt;
  final String createdByUserId;
  final String createdByAppId;
  String status;
  Instant completedAt;
  String approvalId;
  String targetScheduleId;
  Instant activateAt;
  Instant effectiveStart;
  /** How long the granted schedule lasts; null when it never expires. */
  java.time.Duration grantedLength;

  ScheduleRequest(String id, Type type, String action, String principalId, PimTarget target, String justification,
      String ticketNumber, String ticketSystem, String customData, RequestSchedule schedule, boolean validationOnly,
      Instant createdAt, String createdByUserId, String createdByAppId) {
    this.id = id;
    this.type = type;
    this.action = action;
    this.principalId = principalId;
    this.target = target;
    this.justification = justification;
    this.ticketNumber = ticketNumber;
    this.ticketSystem = ticketSystem;
    this.customData = customData;
    this.schedule = schedule;
    this.validationOnly = validationOnly;
    this.createdAt = createdAt;
    this.createdByUserId = createdByUserId;
    this.createdByAppId = createdByAppId;
  }

  boolean isPending() {
    return RequestStatus.PENDING.contains(status);
  }

  boolean isSelfAction() {
    return action.startsWith("self");
  }
}
