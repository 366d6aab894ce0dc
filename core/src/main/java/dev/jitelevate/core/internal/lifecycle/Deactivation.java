package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.DeactivationRequest;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.AssignmentType;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends an activation the signed-in person holds, found by its target rather than by a handle (another
 * terminal's, a portal activation): resolves the target and the person, finds the activation in force, and
 * self-deactivates it through the revoke step, inside the service's 5-minute floor waiting (or, when asked not
 * to wait, refusing and saying from when it can be deactivated). Nothing active, or only a standing assignment,
 * is refused before anything is submitted. It asks nothing new of PIM, so it sends no justification or ticket of
 * its own, and waits only as long as the {@link DeactivationRequest} says.
 */
final class Deactivation {
  private final Lifecycle lifecycle;

  Deactivation(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  ActivationRecord deactivate(DeactivationRequest request) {
    ElevatorConfig config = lifecycle.config();
    String subject = request.target().describe();
    RecordBuilder record = RecordBuilder.deactivation(request.target(), config.clock().instant());
    IssuedTokens tokens = new IssuedTokens(config.clock());
    record.exposure(new ExposureAccount(tokens, config.maxAccessTokenLifetime(), Optional.empty()));
    RunEvents events = new RunEvents(config.listener());
    CredentialSource me = tokens.watch(config.identity());
    StepTools tools = StepTools.of(lifecycle.open(Lifecycle.kindOf(request.target(), Strategy.SELF), me, events),
        config, events, record);
    AtomicReference<RevokeOrder> order = new AtomicReference<>();
    try {
      StepsRunner.announced(events, config.clock(), "resolve", subject, () -> order.set(find(request, me, tools)),
          () -> Thread.currentThread().interrupt());
      RevocationHandle held = order.get().handle();
      Instant allowedAt = held.activatedAt().plus(config.polling().minimumActiveDuration());
      if (!request.waitForFloor() && tools.now().isBefore(allowedAt)) {
        throw new ElevationException(FailureKind.INVALID_REQUEST, subject + " was activated at " + held.activatedAt()
            + " and PIM keeps an activation at least its minimum duration: it can be deactivated from " + allowedAt
            + ". Run again then, or without --no-wait to wait for it.");
      }
    } catch (ElevationException e) {
      throw e.attachRecord(Release.finish(tools, subject, Optional.of(e), false));
    }
    return HandleRevoker.revokeAndFinish(order.get(), tools);
  }

  /** The target and the person, and the order to end the person's activation of it that is in force now. */
  private static RevokeOrder find(DeactivationRequest request, CredentialSource me, StepTools tools) {
    ResolvedTarget target = tools.surface().resolve(request.target());
    tools.record().target(target.roleDefinitionId().orElse(null), target.roleName(), target.scope());
    PrincipalInfo person = tools.surface().whoAmI(me);
    tools.record().principal(person.id().value(), person.displayName(), person.type().name());
    String subject = request.target().describe();
    ActiveInstance active = activeOne(subject, person, target, tools);
    RevocationHandle handle = new RevocationHandle(Strategy.SELF, Lifecycle.surfaceOf(target.surface()), person.id(),
        target.roleDefinitionId().orElse(null), target.scope(), target.groupAccess().orElse(null),
        active.requestId().orElse(active.id()), Optional.of(active.id()), active.start(),
        active.end().orElse(SubmitStep.PERMANENT), true);
    tools.record().granted(RevokeOrder.windowOf(handle), Optional.of(active.start()), active.end());
    tools.events().on(new ElevationEvent.Notice(tools.now(), ElevationEvent.Level.INFO, "Deactivating " + subject
        + " (active since " + active.start() + active.end().map(e -> ", until " + e).orElse("") + ")."));
    return new RevokeOrder(handle, target, subject, RevokePolicy.WAIT_FOR_MINIMUM, RevokeOrder.windowOf(handle),
        Optional.empty(), request.confirmTimeout(), Optional.empty());
  }

  /** The person's activation of the target in force now; refused when there is none or only an assignment. */
  private static ActiveInstance activeOne(String subject, PrincipalInfo person, ResolvedTarget target, StepTools tools) {
    Instant now = tools.now();
    List<ActiveInstance> inForce = tools.surface().activeInstances(person.id(), target).stream()
        .filter(i -> i.covers(now)).toList();
    // PIM for Groups reports a self-activated membership as a time-bound "assigned" instance
    return inForce.stream().filter(i -> i.assignmentType() == AssignmentType.ACTIVATED || i.end().isPresent()).findFirst()
        .orElseThrow(() -> inForce.isEmpty()
            ? new ElevationException(FailureKind.INVALID_REQUEST, "Nothing is active for " + subject + " for "
                + person.id() + ": there is nothing to deactivate. See what is active with 'jit-elevate status'.")
            : new ElevationException(FailureKind.INVALID_REQUEST, subject + " is assigned to " + person.id()
                + " as a standing (active) assignment, not an activation: deactivate cannot end it. Ask an "
                + "administrator to remove the assignment."));
  }
}
