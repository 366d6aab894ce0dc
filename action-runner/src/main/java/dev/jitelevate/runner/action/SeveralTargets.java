package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevations;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.PrivilegedOperation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The main step for several targets (the {@code targets} input): elevates them all as one (all-or-nothing: a
 * failure on one revokes the others), runs the operation under all, and hands every target's handle to the post
 * step, or leaves them all to expire. One record with a section per target.
 */
final class SeveralTargets {
  /** How the main step ends: over (revoked, failed, left to expire) or held for the post step. */
  sealed interface Result {
    /** Over: the outcome and, when left to expire, when the first target's expiry ends it. */
    record Over(ElevationOutcome outcome, Optional<Instant> expiresAt) implements Result {}

    /** Held for the post step, which revokes every target. */
    record Held(ActivationRecord record, Optional<ElevationException> failure, Instant expiresAt, Path path)
        implements Result {}
  }

  private final StepContext ctx;
  private final HandOver handOver;
  private final Interruption interruption;

  SeveralTargets(StepContext ctx, HandOver handOver, Interruption interruption) {
    this.ctx = ctx;
    this.handOver = handOver;
    this.interruption = interruption;
  }

  Result run(Elevator elevator, List<ElevationRequest> requests, Optional<PrivilegedOperation> operation,
      RevokeMode revoke) {
    if (requests.get(0).dryRun()) {
      return new Result.Over(elevator.validateAll(requests), Optional.empty());
    }
    if (revoke == RevokeMode.AFTER_OPERATION) {
      return new Result.Over(elevator.runAll(requests, operation.orElse(NoOperation.INSTANCE)), Optional.empty());
    }
    ActiveElevations all;
    try {
      all = elevator.elevateAll(requests);
    } catch (ElevationException e) {
      // all-or-nothing: the targets granted before the failure are already revoked; the record names the one that failed
      interruption.holdIfSignalled();
      return new Result.Over(new ElevationOutcome(e.record().orElse(null), Optional.of(e)), Optional.empty());
    }
    interruption.holdIfSignalled();
    handOver.targets(all.elevations().stream().map(a -> new TargetHandles.Part(a.handle(), a.record())).toList());
    handOver.save(all.record(), PostState.Phase.OPERATION);
    Optional<ElevationException> failure = operation.flatMap(all::perform);
    interruption.holdIfSignalled();
    all.detach();
    interruption.inFlight(false);
    ActivationRecord record = all.record();
    String names = String.join(", ", requests.stream().map(r -> r.target().describe()).toList());
    if (revoke == RevokeMode.EXPIRE) {
      record = Records.leftToExpire(record, all.expiresAt(), ctx.clock.instant());
      ctx.log.notice("Left to expire", "revoke: expire: " + UntrustedText.neutralize(names, 800)
          + " stay active until their server-side expiry, the first at " + all.expiresAt() + ".");
      return new Result.Over(new ElevationOutcome(record, failure), Optional.of(all.expiresAt()));
    }
    Path path = handOver.recordPath(record);
    handOver.save(record, PostState.Phase.DONE);
    ctx.log.info("Active until " + all.expiresAt() + " at the latest: " + UntrustedText.neutralize(names, 800)
        + "; the post step revokes them all at the end of the job.");
    return new Result.Held(record, failure, all.expiresAt(), path);
  }
}
