package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationDeniedException;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Approval;
import dev.jitelevate.core.ActivationRecord.Failure;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.ActivationRecord.Principal;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.ActivationRecord.Target;
import dev.jitelevate.core.ActivationRecord.TargetKind;
import dev.jitelevate.core.ActivationRecord.Timeline;
import dev.jitelevate.core.ActivationRecord.Window;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds an {@link ActivationRecord} step by step through a run. Thread-safe: the shutdown hook writes too. */
final class RecordBuilder {
  private final Set<String> requestIds = new LinkedHashSet<>();
  private final Map<Milestone, Instant> times = new EnumMap<>(Milestone.class);
  private final Map<String, Object> notes = new LinkedHashMap<>();
  private ActivationRecord base;
  private Approval approval;
  private Outcome outcome = Outcome.IN_PROGRESS;
  private Revocation revocation = new Revocation(RevocationStatus.PENDING, Optional.empty(), Optional.empty());
  private Failure error;
  /** Whether {@link #error} came from the record another process wrote: later failures become suppressed. */
  private boolean inherited;
  private int retries;
  private int apiCalls;
  private int baseRetries;
  private int baseApiCalls;
  /** Works out the {@code exposure} section at every build; null keeps the one the record has. */
  private ExposureAccount exposure;

  RecordBuilder(ElevationRequest request, Instant requestedAt, String operationName) {
    this(request.principal().map(Object::toString).orElse("self"), request.target(), request.strategy(),
        request.justification(), request.ticket(), request.duration(), request.labels(), requestedAt, operationName);
  }

  private RecordBuilder(String principal, ElevationTarget t, Strategy strategy, String justification,
      Optional<TicketInfo> ticket, Duration requested, Map<String, String> labels, Instant requestedAt, String operationName) {
    base = new ActivationRecord(ActivationRecord.SCHEMA_VERSION, List.of(),
        new Principal(principal, Optional.empty(), Optional.empty()), targetOf(t), strategy, justification, ticket,
        new Window(requested, Optional.empty(), Optional.empty()),
        null, Optional.empty(), Outcome.IN_PROGRESS, revocation, Optional.empty(), 0, 0, Map.of(), Map.copyOf(labels));
    times.put(Milestone.REQUESTED, requestedAt);
    notes.put("name", operationName);
  }

  /**
   * The record of ending the signed-in person's activation of a target: it states no justification, ticket,
   * labels or requested duration (zero until {@link #granted(Duration, Optional, Optional)} gives the window found).
   */
  static RecordBuilder deactivation(ElevationTarget target, Instant requestedAt) {
    return new RecordBuilder("self", target, Strategy.SELF, "", Optional.empty(), Duration.ZERO, Map.of(), requestedAt, "none");
  }

  /** Continues a record written by another process (the Action's post step). */
  RecordBuilder(ActivationRecord from) {
    base = from;
    requestIds.addAll(from.requestIds());
    Timeline tl = from.timeline();
    times.put(Milestone.REQUESTED, tl.requested());
    put(Milestone.SUBMITTED, tl.submitted()); put(Milestone.APPROVED, tl.approved());
    put(Milestone.PROVISIONED, tl.provisioned()); put(Milestone.VERIFIED, tl.verified());
    put(Milestone.OPERATION_STARTED, tl.operationStarted()); put(Milestone.OPERATION_ENDED, tl.operationEnded());
    put(Milestone.REVOKED, tl.revoked());
    approval = from.approval().orElse(null);
    outcome = from.outcome();
    revocation = from.revocation();
    error = from.error().orElse(null);
    inherited = error != null;
    retries = from.retries();
    apiCalls = from.apiCalls();
    baseRetries = retries;
    baseApiCalls = apiCalls;
    notes.putAll(from.operation());
  }

  private void put(Milestone key, Optional<Instant> value) {
    value.ifPresent(v -> times.put(key, v));
  }

  private static Target targetOf(ElevationTarget t) {
    if (t instanceof ElevationTarget.AzureRole a) {
      return new Target(TargetKind.AZURE_ROLE, a.role().id(), a.role().displayName(), a.scope().value(), Optional.empty());
    }
    if (t instanceof ElevationTarget.DirectoryRole d) {
      return new Target(TargetKind.DIRECTORY_ROLE, d.role().id(), d.role().displayName(), d.scope().value(), Optional.empty());
    }
    ElevationTarget.Group g = (ElevationTarget.Group) t;
    return new Target(TargetKind.GROUP, Optional.empty(), g.group().displayName(), g.group().describe(),
        Optional.of(g.access()));
  }

  synchronized void principal(String id, String displayName, String type) {
    base = with(new Principal(id, Optional.ofNullable(displayName), Optional.ofNullable(type)), base.target(), base.window());
  }

  synchronized void target(String roleDefinitionId, String roleName, String scope) {
    Target t = base.target();
    base = with(base.principal(), new Target(t.kind(), Optional.ofNullable(roleDefinitionId), Optional.ofNullable(roleName),
        scope, t.groupAccess()), base.window());
  }

  synchronized void granted(Optional<Instant> start, Optional<Instant> end) {
    granted(base.window().requested(), start, end);
  }

  /** The window granted, and the duration that was requested for it. */
  synchronized void granted(Duration requested, Optional<Instant> start, Optional<Instant> end) {
    base = with(base.principal(), base.target(), new Window(requested, start, end));
  }

  private ActivationRecord with(Principal p, Target t, Window w) {
    return new ActivationRecord(base.schemaVersion(), base.requestIds(), p, t, base.strategy(), base.justification(),
        base.ticket(), w, base.timeline(), base.approval(), base.outcome(), base.revocation(), base.error(),
        base.retries(), base.apiCalls(), base.operation(), base.ci());
  }

  synchronized void requestId(String id) {
    requestIds.add(id);
  }

  synchronized void at(Milestone step, Instant when) {
    times.put(step, when);
  }

  /** Records a step's time unless it has one already (a re-check later in the run keeps the first). */
  synchronized void atFirst(Milestone step, Instant when) {
    times.putIfAbsent(step, when);
  }

  synchronized void approval(String approvalId, String decision, Instant decidedAt) {
    approval = new Approval(approvalId, Optional.empty(), Optional.ofNullable(decision), Optional.empty(),
        Optional.ofNullable(decidedAt));
  }

  synchronized boolean hasApproval() {
    return approval != null;
  }

  synchronized void note(String key, Object value) {
    if (key == null || value == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> n = (Map<String, Object>) notes.computeIfAbsent("notes", k -> new LinkedHashMap<String, Object>());
    n.put(key, value);
  }

  /** The operation's name: the one that runs, not the one the run was created with. */
  synchronized void operationName(String name) {
    notes.put("name", name);
  }

  /** The operation's typed result ({@code operation.result}), replacing the last one. */
  synchronized void result(Map<String, Object> value) {
    if (value != null) {
      notes.put("result", Collections.unmodifiableMap(new LinkedHashMap<>(value)));
    }
  }

  synchronized void exposure(ExposureAccount account) {
    exposure = account;
  }

  synchronized void outcome(Outcome value) {
    outcome = value;
  }

  synchronized void revocation(RevocationStatus status, Instant expiresAt, String detail) {
    revocation = new Revocation(status, Optional.ofNullable(expiresAt), Optional.ofNullable(detail));
  }

  synchronized RevocationStatus revocationStatus() {
    return revocation.status();
  }

  synchronized void counts(int retryCount, int apiCallCount) {
    retries = baseRetries + retryCount;
    apiCalls = baseApiCalls + apiCallCount;
  }

  /** Records the failure that ended the run (the first one; later ones are in its suppressed list). */
  synchronized void fail(ElevationException failure) {
    List<String> suppressed = new ArrayList<>();
    if (error != null && inherited) {
      suppressed.addAll(error.suppressed());
      suppressed.add(describe(failure));
      error = new Failure(error.kind(), error.code(), error.message(), error.azureRequestId(), suppressed);
      return;
    }
    for (Throwable s : failure.getSuppressed()) {
      suppressed.add(describe(s));
    }
    error = new Failure(failure.kind(), failure.azureErrorCode(), String.valueOf(failure.getMessage()),
        failure.azureRequestId(), suppressed);
    outcome = outcomeOf(failure);
  }

  private static String describe(Throwable t) {
    return t instanceof ElevationException e ? e.kind() + ": " + e.getMessage() : String.valueOf(t.getMessage());
  }

  /** Marks the run succeeded (or dry-run), unless an earlier process already decided its outcome. */
  synchronized void succeeded(boolean dryRun) {
    if (outcome == Outcome.IN_PROGRESS) {
      outcome = dryRun ? Outcome.DRY_RUN : Outcome.SUCCEEDED;
    }
  }

  private static Outcome outcomeOf(ElevationException failure) {
    if (failure instanceof ActivationDeniedException denied) {
      return denied.outcome();
    }
    if (failure.kind() == FailureKind.TIMED_OUT) return Outcome.TIMED_OUT;
    if (failure.kind() == FailureKind.DENIED) return Outcome.DENIED;
    if (failure.kind() == FailureKind.INTERRUPTED) return Outcome.CANCELLED;
    return Outcome.FAILED;
  }

  synchronized ActivationRecord build() {
    Timeline tl = new Timeline(times.get(Milestone.REQUESTED), opt(Milestone.SUBMITTED), opt(Milestone.APPROVED),
        opt(Milestone.PROVISIONED), opt(Milestone.VERIFIED), opt(Milestone.OPERATION_STARTED),
        opt(Milestone.OPERATION_ENDED), opt(Milestone.REVOKED), opt(Milestone.FINISHED));
    ActivationRecord r = new ActivationRecord(base.schemaVersion(), List.copyOf(requestIds), base.principal(),
        base.target(), base.strategy(), base.justification(), base.ticket(), base.window(), tl,
        Optional.ofNullable(approval), outcome, revocation, Optional.ofNullable(error), retries, apiCalls,
        frozenNotes(), base.ci(), base.exposure());
    return exposure == null ? r : r.withExposure(exposure.of(r));
  }

  private Map<String, Object> frozenNotes() {
    Map<String, Object> copy = new LinkedHashMap<>();
    notes.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? Collections.unmodifiableMap(new LinkedHashMap<>(m)) : v));
    return Collections.unmodifiableMap(copy);
  }

  private Optional<Instant> opt(Milestone key) {
    return Optional.ofNullable(times.get(key));
  }
}
