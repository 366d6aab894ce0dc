package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.internal.gateway.ActiveInstance;
import dev.jitelevate.core.internal.gateway.Refusal;
import dev.jitelevate.core.internal.gateway.ScheduleAction;
import dev.jitelevate.core.internal.gateway.ScheduleRequestSpec;
import dev.jitelevate.core.internal.gateway.ScheduleRequestView;
import dev.jitelevate.core.internal.retry.Retrier;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Submits the activation (self), the time-bound assignment (broker) or the marked role assignment (rbac).
 * The request id is generated once and reused on every retry, so a retried submit cannot create a second
 * request. An activation that already existed is used but marked as not created by this run.
 */
final class SubmitStep implements Step {
  /** How a permanent pre-existing assignment's end is written in a handle. */
  static final Instant PERMANENT = Instant.parse("9999-12-31T23:59:59Z");

  @Override
  public String name() {
    return "submit";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    if (run.requestId == null) {
      run.requestId = UUID.randomUUID().toString();
    }
    ScheduleRequestSpec spec = spec(run);
    run.record.requestId(run.requestId);
    run.submittedAt = run.now();
    run.record.at(Milestone.SUBMITTED, run.submittedAt);
    Retrier.Plan plan = new Retrier.Plan("submit", Refusal.SUBJECT_NOT_REPLICATED::matches, run.config.polling().maxRetries() + 1,
        run.now().plus(run.request.provisioningTimeout()), Refusal::describe);
    try {
      run.view = run.retrier.call(plan, () -> submitOnce(run, spec));
      handOver(run);
    } catch (ElevationException e) {
      if (Refusal.ALREADY_ACTIVE.matches(e)) {
        if (ConcurrentActivation.waitForItToEnd(run, e)) {
          run.requestId = UUID.randomUUID().toString();
          execute(run);
          return;
        }
        usePreExisting(run, e);
        ConcurrentActivation.sayShared(run);
        return;
      }
      if (Refusal.REQUEST_PENDING.matches(e)) {
        throw new ElevationException(FailureKind.INVALID_REQUEST, "A request for " + run.request.target().describe()
            + " is already pending for this principal (e.g. waiting for approval). Wait for it to be decided, or "
            + "cancel it in the portal, then try again.", e.azureErrorCode().orElse(null),
            e.azureRequestId().orElse(null), e.httpStatus(), e);
      }
      if (Refusal.STEP_UP_REQUIRED.matches(e)) {
        run.view = StepUpRetry.submit(run, spec, e);
        handOver(run);
        return;
      }
      throw e;
    }
  }

  /**
   * Tells the listener what revokes the request from now on, before provisioning and propagation (minutes) are
   * waited for: a process killed during them leaves its post step a handle instead of nothing.
   */
  private static void handOver(Run run) {
    Instant now = run.now();
    RevocationHandle provisional = run.handleFor(now, now.plus(run.request.duration()), Optional.empty(), true);
    run.events.on(new ElevationEvent.Submitted(now, provisional, run.record.build()));
  }

  /** Submits once; if the service already has a request of this id, an earlier attempt landed: read it. */
  private static ScheduleRequestView submitOnce(Run run, ScheduleRequestSpec spec) {
    try {
      return run.surface.submit(spec);
    } catch (ElevationException e) {
      if (Refusal.REQUEST_EXISTS.matches(e)) {
        return run.surface.get(run.target(), spec.requestId());
      }
      throw e;
    }
  }

  static ScheduleRequestSpec spec(Run run) {
    Strategy strategy = run.request.strategy();
    ScheduleAction action = strategy == Strategy.SELF ? ScheduleAction.SELF_ACTIVATE : ScheduleAction.ADMIN_ASSIGN;
    Optional<String> marker = strategy == Strategy.RBAC
        ? Optional.of(RbacMarker.format(run.now().plus(run.request.duration()), run.requestId))
        : Optional.empty();
    return new ScheduleRequestSpec(run.requestId, action, run.principal().id(), run.target(), Optional.empty(),
        run.request.duration(), run.request.justification(), run.request.ticket(),
        run.resolved().eligibility().map(e -> e.scheduleId()), marker);
  }

  /** The access was already active: use it, and make sure nothing in this run ever revokes it. */
  static void usePreExisting(Run run, ElevationException cause) {
    Instant now = run.now();
    ActiveInstance existing = run.surface.activeInstances(run.principal().id(), run.target()).stream()
        .filter(i -> !i.start().isAfter(now) && i.end().map(now::isBefore).orElse(true))
        .findFirst()
        .orElseThrow(() -> cause);
    Instant end = existing.end().orElse(PERMANENT);
    run.hold(existing.start(), end, Optional.of(existing.id()), false);
    run.record.granted(Optional.of(existing.start()), existing.end());
    run.record.revocation(RevocationStatus.PRE_EXISTING, existing.end().orElse(null),
        "The access was already active before this run (" + existing.assignmentType().wireValue() + ", instance " + existing.id()
            + "); it was used and left untouched.");
    run.events.on(new ElevationEvent.Notice(now, ElevationEvent.Level.INFO, "The access is already active"
        + existing.end().map(e -> " until " + e).orElse(" permanently") + ", granted by " + grantedBy(existing)
        + "; this run uses it and will not revoke it."));
  }

  /** How the access in force was granted, for a person: the activation request, or a standing assignment. */
  static String grantedBy(ActiveInstance existing) {
    switch (existing.assignmentType()) {
      case ACTIVATED:
        return "PIM activation" + existing.requestId().map(r -> " request " + r).orElse(" " + existing.id());
      case ASSIGNED:
        return existing.end().isPresent() ? "a time-bound active assignment" + existing.requestId().map(r -> " (request "
            + r + ")").orElse("") : "a standing (permanent) assignment";
      case ROLE_ASSIGNMENT:
        return "role assignment " + existing.id();
      default:
        return "assignment " + existing.id();
    }
  }
}
