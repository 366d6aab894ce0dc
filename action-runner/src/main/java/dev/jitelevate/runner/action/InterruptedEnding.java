package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CloudProfile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The main step's ending after SIGTERM/SIGINT: the record the lifecycle completed (operation stopped and rolled
 * back, elevation revoked) written with the outputs and the summary, one {@code ::error::} saying what is live
 * and whether it was validated, the state for the post step, and a last line that says the step was
 * interrupted. Without the lifecycle's record in time, it says the post step revokes from the saved state.
 */
final class InterruptedEnding {
  private final StepContext ctx;
  private final HandOver handOver;
  private final CloudProfile cloud;

  InterruptedEnding(StepContext ctx, HandOver handOver, CloudProfile cloud) {
    this.ctx = ctx;
    this.handOver = handOver;
    this.cloud = cloud;
  }

  void write(Optional<ActivationRecord> given) {
    if (given.isEmpty()) {
      ctx.outputs.set("status", "CANCELLED");
      ctx.log.error("Cancelled", "The job was cancelled (SIGTERM/SIGINT) and the elevation was not released in time"
          + (handOver.handle().isPresent() ? "; the post step revokes it from the state saved at submit."
          : "; nothing was submitted yet."));
      ctx.log.info("\u2716 jit-elevate: interrupted; " + (handOver.handle().isPresent()
          ? "the post step revokes what is left." : "nothing was submitted.") + " Exiting.");
      return;
    }
    ActivationRecord record = given.get();
    Path path = handOver.recordPath(record);
    handOver.save(record, PostState.Phase.DONE);
    try {
      ctx.publish(record, Optional.of(path), MainStep.heading(record) + " (interrupted)", false, Optional.empty(), cloud);
    } catch (RuntimeException e) {
      ctx.log.warning("Record not written", "The interrupted run's record could not be written: "
          + UntrustedText.neutralize(ctx.log.redact(String.valueOf(e.getMessage())), 300));
    }
    outputs(record, path);
    OperationLines.validatorOutput(record).forEach(l -> ctx.log.info(UntrustedText.neutralize(l, 400)));
    StringBuilder what = new StringBuilder("The job was cancelled (SIGTERM/SIGINT): ")
        .append(record.error().map(e -> e.message()).orElse("the run was interrupted."));
    OperationLines.describe(record).forEach(l -> what.append(' ').append(l));
    what.append(" Elevation: ").append(record.revocation().status()).append('.');
    ctx.log.error("Interrupted", UntrustedText.neutralize(ctx.log.redact(what.toString()), 1500));
    ctx.log.info("\u2716 jit-elevate: interrupted \u2014 record " + record.outcome() + ", elevation "
        + record.revocation().status() + "; exiting.");
  }

  private void outputs(ActivationRecord record, Path path) {
    ctx.outputs.set("request-id", record.requestIds().isEmpty() ? "" : record.requestIds().get(0));
    ctx.outputs.set("status", record.outcome().name());
    ctx.outputs.set("expires-at", record.revocation().expiresAt().or(() -> record.window().grantedEnd())
        .map(Object::toString).orElse(""));
    ctx.outputs.set("record-path", RecordFiles.outputPath(path, ctx.env));
    if (ctx.env.input("ship-endpoint").isPresent()) {
      ctx.state.set(RecordShipping.STATE, path.toString());
    }
    ctx.outputs.set("secret-versions", Records.secretVersions(record));
  }
}
