package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.DirectoryScope;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.GroupRef;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.RoleRef;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Duration;
import java.util.Optional;

/**
 * Revokes from a handle another process wrote (the Action's post step): gives the revoke step the handle and
 * the target it names, and continues that process's record.
 */
final class HandleRevoker {
  /** How long the post step waits for the removal to show: as long as a run waits for provisioning by default. */
  private static final Duration CONFIRM_TIMEOUT = Duration.ofMinutes(5);

  private final Lifecycle lifecycle;

  HandleRevoker(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  ActivationRecord revoke(RevocationHandle handle, ActivationRecord recordSoFar) {
    ElevatorConfig config = lifecycle.config();
    RecordBuilder record = new RecordBuilder(recordSoFar);
    record.exposure(new ExposureAccount(new IssuedTokens(config.clock()), config.maxAccessTokenLifetime(),
        recordSoFar.exposure()));
    if (!handle.createdByThisRun()) {
      record.revocation(RevocationStatus.PRE_EXISTING, null, "The access existed before the run and was left untouched.");
      return record.build();
    }
    RunEvents events = new RunEvents(config.listener());
    RevokeOrder order;
    StepTools tools;
    try {
      SurfaceKind kind = Lifecycle.kindOf(handle.surface(), handle.strategy());
      order = orderOf(handle, kind, recordSoFar);
      AccessSurface surface = lifecycle.open(kind, handle.strategy(), events);
      tools = StepTools.of(surface, config, events, record);
    } catch (ElevationException e) {
      record.revocation(RevocationStatus.FAILED, handle.expiresAt(), e.getMessage());
      record.fail(e);
      return record.build();
    }
    return revokeAndFinish(order, tools);
  }

  /**
   * Runs the revoke step on the order outside a run (waiting up to PIM's minimum active duration), then
   * completes the record with its outcome.
   */
  static ActivationRecord revokeAndFinish(RevokeOrder order, StepTools tools) {
    ElevatorConfig config = tools.config();
    Optional<ElevationException> failure = Optional.empty();
    RevokeStep step = new RevokeStep(config.polling().minimumActiveDuration().plusMinutes(1));
    try {
      StepsRunner.announced(tools.events(), config.clock(), step.name(), order.subject(), () -> step.revoke(order, tools),
          () -> Thread.currentThread().interrupt());
    } catch (ElevationException e) {
      failure = Optional.of(e);
    } catch (Error e) {
      Release.finish(tools, order.subject(), Optional.of(StepsRunner.internal(step.name(), e)), false);
      throw e;
    }
    return Release.finish(tools, order.subject(), failure, false);
  }

  /** What to revoke: the handle, on the terms of its own window (the post step has no request). */
  private static RevokeOrder orderOf(RevocationHandle h, SurfaceKind kind, ActivationRecord r) {
    ResolvedTarget target = new ResolvedTarget(kind, Optional.ofNullable(h.roleDefinitionId()),
        r.target().roleName().orElse(""), h.scope(), Optional.ofNullable(h.groupAccess()),
        ResolvedTarget.RoleActions.none());
    return new RevokeOrder(h, target, targetOf(h).describe(), RevokePolicy.WAIT_FOR_MINIMUM, RevokeOrder.windowOf(h),
        r.ticket(), CONFIRM_TIMEOUT, Optional.empty());
  }

  /** The target the handle names, as the run's request named it (for the events and failures). */
  private static ElevationTarget targetOf(RevocationHandle h) {
    switch (h.surface()) {
      case DIRECTORY:
        return new ElevationTarget.DirectoryRole(RoleRef.parse(h.roleDefinitionId()), DirectoryScope.parse(h.scope()));
      case GROUP:
        return new ElevationTarget.Group(GroupRef.parse(h.scope()),
            h.groupAccess() == null ? GroupAccess.MEMBER : h.groupAccess());
      default:
        return new ElevationTarget.AzureRole(RoleRef.parse(h.roleDefinitionId()), ArmScope.parse(h.scope()));
    }
  }
}
