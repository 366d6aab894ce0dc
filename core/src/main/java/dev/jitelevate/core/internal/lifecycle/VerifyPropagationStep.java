package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationTimeoutException;
import dev.jitelevate.core.internal.gateway.AccessCheck;
import dev.jitelevate.core.internal.gateway.Refusal;
import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import dev.jitelevate.core.internal.retry.Retrier;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits until the access really works, not only until it is provisioned: the surface's check (ARM
 * permissions API, or a token issued now carrying the role or group) and the operation's own probe, when it
 * has one. The surface decides which token a check uses: Graph's checks read claims, so they sign in anew;
 * ARM evaluates role assignments per request, so its checks reuse the identity's token. "Not yet" and 403
 * answers are retried until the propagation deadline. The first check waits until a second has passed since
 * the await step's last read, so the elevation as a whole polls at most once a second.
 */
final class VerifyPropagationStep implements Step {

  /** The access is not effective yet; retried inside the deadline. */
  static final class NotYetEffective extends RuntimeException {
    NotYetEffective(String detail) {
      super(detail, null, false, false);
    }
  }

  @Override
  public String name() {
    return "verify";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    run.paceAfterLastPoll();
    Instant deadline = run.now().plus(run.request.propagationTimeout());
    if (run.resolved().otherPrincipal()) {
      OtherPrincipalCheck.verify(run, deadline);
      run.record.atFirst(Milestone.VERIFIED, run.now());
      return;
    }
    Retrier.Plan plan = new Retrier.Plan("verify", f -> f instanceof NotYetEffective || Refusal.FORBIDDEN.matches(f),
        Integer.MAX_VALUE, deadline, f -> f instanceof NotYetEffective ? "not effective yet: " + f.getMessage()
            : "refused while the role propagates: " + Refusal.describe(f));
    try {
      run.retrier.call(plan, () -> checkOnce(run));
    } catch (NotYetEffective | ElevationException e) {
      if (e instanceof NotYetEffective || Refusal.FORBIDDEN.matches(e)) {
        throw new ElevationTimeoutException("propagation", run.request.propagationTimeout(),
            run.request.target().describe() + " was provisioned but did not become effective within "
                + Durations.format(run.request.propagationTimeout()) + " (last check: " + e.getMessage()
                + "). Allow a longer propagation timeout.");
      }
      throw e;
    }
    run.record.atFirst(Milestone.VERIFIED, run.now());
  }

  private static Boolean checkOnce(Run run) {
    RoleActions probed = ProbedActions.probe(run.target(), run.operation);
    AccessCheck check = run.surface.checkEffective(run.target(), probed, run.principal().id(), run.config.identity());
    if (!check.effective()) {
      throw new NotYetEffective(check.detail());
    }
    Optional<AccessProbe> probe = run.operation.flatMap(op -> op.probe(run.operationContext));
    if (probe.isPresent()) {
      AccessProbe.Result result = probe.get().check(run.operationContext);
      if (result != AccessProbe.Result.EFFECTIVE) {
        throw new NotYetEffective("the operation's probe was refused");
      }
    }
    return Boolean.TRUE;
  }
}
