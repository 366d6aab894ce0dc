package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.DirectoryScope;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.GroupRef;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.RoleRef;
import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.time.Duration;
import java.util.Optional;

/**
 * Revokes from a handle another process wrote (the Action's post step): rebuilds just enough of the run to
 * run the revoke step, and continues that process's record.
 */
final class HandleRevoker {
  private final Lifecycle lifecycle;

  HandleRevoker(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  ActivationRecord revoke(RevocationHandle handle, ActivationRecord recordSoFar) {
    RecordBuilder record = new RecordBuilder(recordSoFar);
    record.exposure(new ExposureAccount(new IssuedTokens(lifecycle.config().clock()),
        lifecycle.config().maxAccessTokenLifetime(), recordSoFar.exposure()));
    if (!handle.createdByThisRun()) {
      record.revocation(RevocationStatus.PRE_EXISTING, null, "The access existed before the run and was left untouched.");
      return record.build();
    }
    RunEvents events = new RunEvents(lifecycle.config().listener());
    SurfaceKind kind;
    Run run;
    try {
      kind = Lifecycle.kindOf(handle.surface(), handle.strategy());
      ElevationRequest request = requestOf(handle, recordSoFar);
      AccessSurface surface = lifecycle.open(kind, handle.strategy(), events);
      run = new Run(request, Optional.empty(), lifecycle.config(), surface, events, record);
    } catch (ElevationException e) {
      record.revocation(RevocationStatus.FAILED, handle.expiresAt(), e.getMessage());
      record.fail(e);
      return record.build();
    }
    run.target = new ResolvedTarget(kind, Optional.ofNullable(handle.roleDefinitionId()),
        recordSoFar.target().roleName().orElse(""), handle.scope(), Optional.ofNullable(handle.groupAccess()),
        ResolvedTarget.RoleActions.none());
    run.principal = new PrincipalInfo(handle.principalId(), recordSoFar.principal().type().orElse("Unknown"),
        recordSoFar.principal().displayName().orElse(handle.principalId().value()));
    run.requestId = handle.requestId();
    run.handle = handle;
    lifecycle.release(run, lifecycle.config().polling().minimumActiveDuration().plusMinutes(1), null);
    return run.record.build();
  }

  private static ElevationRequest requestOf(RevocationHandle h, ActivationRecord r) {
    Duration d = Duration.between(h.activatedAt(), h.expiresAt());
    d = d.compareTo(ElevationRequest.MINIMUM_DURATION) < 0 ? ElevationRequest.MINIMUM_DURATION
        : d.compareTo(ElevationRequest.MAXIMUM_DURATION) > 0 ? ElevationRequest.MAXIMUM_DURATION : d;
    ElevationRequest.Builder b = ElevationRequest.builder().target(targetOf(h)).principal(h.principalId())
        .strategy(h.strategy()).duration(d).justification(r.justification());
    r.ticket().ifPresent(b::ticket);
    return b.build();
  }

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
