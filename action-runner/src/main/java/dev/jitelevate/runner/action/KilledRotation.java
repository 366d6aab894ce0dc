package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.keyvault.InterruptedRotation;
import dev.jitelevate.core.keyvault.RotationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The post step's rollback of a rotation the main step left unfinished when it was killed (SIGKILL leaves no
 * shutdown hook): before the elevation is revoked, while its access still works, the versions the run wrote and
 * nothing validated are rolled back as the rollback input said, from the result the main step saved before and
 * while it wrote. The record then says which version is live and whether it was validated.
 */
final class KilledRotation {
  private final StepContext ctx;

  KilledRotation(StepContext ctx) {
    this.ctx = ctx;
  }

  /** The record with the rotation finished; as given when it holds no unfinished rotation. */
  ActivationRecord rollBack(ActivationRecord record, String requestId, Identities identities, CloudProfile cloud) {
    Optional<RotationResult> saved = OperationLines.rotation(record).filter(InterruptedRotation::unfinished);
    if (saved.isEmpty()) {
      return record;
    }
    ctx.log.group("Roll back the interrupted rotation: " + UntrustedText.neutralize(String.join(", ",
        saved.get().secrets().stream().map(RotationResult.Secret::name).toList()), 200));
    try {
      RotationResult now = new InterruptedRotation(identities.identity(), cloud, CloudHttp.azureHttpClient(cloud),
          ctx.log::mask).finish(saved.get(), requestId);
      now.secrets().forEach(s -> ctx.log.info(UntrustedText.neutralize(ctx.log.redact(OperationLines.describe(s)
          + s.rollback().map(r -> " Rollback: " + r + ".").orElse("")), 800)));
      return withResult(record, now);
    } catch (RuntimeException e) {
      ctx.log.warning("Rollback failed", "The interrupted rotation could not be rolled back: "
          + UntrustedText.neutralize(ctx.log.redact(String.valueOf(e.getMessage())), 400));
      return record;
    } finally {
      ctx.log.endGroup();
    }
  }

  private static ActivationRecord withResult(ActivationRecord r, RotationResult result) {
    Map<String, Object> operation = new LinkedHashMap<>(r.operation());
    operation.put("result", result.toMap());
    return new ActivationRecord(r.schemaVersion(), r.requestIds(), r.principal(), r.target(), r.strategy(),
        r.justification(), r.ticket(), r.window(), r.timeline(), r.approval(), r.outcome(), r.revocation(), r.error(),
        r.retries(), r.apiCalls(), operation, r.ci(), r.exposure());
  }
}
