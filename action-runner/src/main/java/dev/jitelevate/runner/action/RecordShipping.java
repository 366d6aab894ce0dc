package dev.jitelevate.runner.action;

import dev.jitelevate.audit.Records;
import dev.jitelevate.audit.ship.ShipResult;
import dev.jitelevate.audit.ship.ShipTarget;
import dev.jitelevate.audit.ship.Shipper;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CloudHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ships the job's record to Log Analytics / Sentinel at the end of the post step when {@code ship-endpoint} is
 * set, signed in as the job's identity. A failure to ship is a {@code ::warning::}, never a failed job nor a
 * lost record: the record stays in the workspace and the artifact, ready for {@code jit-elevate records ship}.
 */
final class RecordShipping {
  /** The state name under which the main step leaves the path of the record it wrote. */
  static final String STATE = "ship-record-path";

  private final StepContext ctx;

  RecordShipping(StepContext ctx) {
    this.ctx = ctx;
  }

  /** The record the main step wrote, when it said where. */
  static Optional<Path> recordOfMainStep(ActionEnvironment env) {
    return env.get("STATE_" + STATE).filter(p -> !p.isBlank()).map(Path::of);
  }

  /** Ships the record when the ship inputs ask for it; never throws. */
  void shipIfConfigured(Optional<Path> record, Supplier<Identities> identities, CloudProfile cloud) {
    Optional<String> endpoint = ctx.env.input("ship-endpoint");
    if (endpoint.isEmpty()) {
      return;
    }
    if (record.isEmpty()) {
      ctx.log.warning("Record not shipped", "There is no record of this job to ship to " + endpoint.get() + ".");
      return;
    }
    try {
      ShipTarget target = ShipTarget.of(endpoint.get(), ctx.env.input("ship-rule-id").orElse(""),
          ctx.env.input("ship-stream").orElse(ShipTarget.DEFAULT_STREAM));
      Shipper shipper = Shipper.create(target, identities.get().identity().newCredential(),
          CloudHttp.azureHttpClient(cloud));
      report(shipper.ship(Records.read(List.of(record.get()))), target);
    } catch (RuntimeException e) {
      warn(record.get(), UntrustedText.neutralize(ctx.log.redact(String.valueOf(e.getMessage())), 600));
    }
  }

  private void report(ShipResult result, ShipTarget target) {
    if (!result.shipped().isEmpty()) {
      ctx.log.info("jit-elevate: record shipped to " + target.stream() + " of " + target.ruleId() + ".");
    }
    result.skipped().forEach(s -> warn(s.file(), s.reason()));
    result.refused().forEach(r -> warn(r.file(), "HTTP " + r.status() + " " + r.code()
        + (r.requestId().isEmpty() ? "" : " (request id " + r.requestId() + ")") + ": "
        + UntrustedText.neutralize(r.message(), 400)
        + (r.status() == 403 ? " Grant the job's identity Monitoring Metrics Publisher on the data collection rule." : "")));
  }

  private void warn(Path file, String why) {
    ctx.log.warning("Record not shipped", "Shipping " + file + " failed: " + why + " The record is kept in the "
        + "workspace and the artifact; ship it later with 'jit-elevate records ship'.");
  }
}
