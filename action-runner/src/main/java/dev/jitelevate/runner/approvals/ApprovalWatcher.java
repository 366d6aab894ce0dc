package dev.jitelevate.runner.approvals;

import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The auto-approver's loop: each pass reads the requests waiting for the approver, approves those the policy
 * calls low-risk, leaves the rest for people, writes each decision once (again only when it changes) and
 * tells the webhook, when there is one, about requests newly left for people.
 */
final class ApprovalWatcher {
  private final ApprovalDesk desk;
  private final String approverId;
  private final AutoApprovalPolicy policy;
  private final DecisionLog log;
  private final Optional<PendingNotice> notice;
  private final Clock clock;
  private final Consumer<String> say;
  private final Map<String, String> lastDecision = new HashMap<>();

  ApprovalWatcher(ApprovalDesk desk, String approverId, AutoApprovalPolicy policy, DecisionLog log,
      Optional<PendingNotice> notice, Clock clock, Consumer<String> say) {
    this.desk = desk;
    this.approverId = approverId;
    this.policy = policy;
    this.log = log;
    this.notice = notice;
    this.clock = clock;
    this.say = say;
  }

  /** What one pass did. */
  record Pass(int approved, int leftForPeople) {}

  /** Passes until interrupted, {@code interval} apart; only one with {@code once}. */
  void run(boolean once, Duration interval, Sleeper sleeper) throws InterruptedException {
    while (true) {
      Pass pass = pass();
      say.accept("Approved " + pass.approved() + ", left " + pass.leftForPeople() + " for people.");
      if (once) {
        return;
      }
      sleeper.sleep(interval);
    }
  }

  Pass pass() {
    Instant now = clock.instant();
    List<PendingApproval> left = new ArrayList<>();
    boolean newlyLeft = false;
    int approved = 0;
    for (PendingApproval p : desk.pending()) {
      AutoApprovalPolicy.Verdict verdict = policy.evaluate(p, approverId, now);
      if (verdict.approve() && approve(p, verdict, now)) {
        approved++;
        continue;
      }
      left.add(p);
      if (!verdict.approve() && changed(p, "left:" + verdict.reasons())) {
        log.write(now, p, approverId, DecisionLog.Outcome.LEFT_PENDING, verdict, Optional.empty());
        newlyLeft = true;
      }
    }
    if (newlyLeft && notice.isPresent()) {
      notice.get().post(left, now).ifPresent(why -> say.accept("The pending-approval notice was not delivered: "
          + why + "."));
    }
    return new Pass(approved, left.size());
  }

  private boolean approve(PendingApproval p, AutoApprovalPolicy.Verdict verdict, Instant now) {
    String rule = verdict.rule().orElseThrow();
    try {
      desk.decide(p, approverId, true, "Approved by jit-elevate approvals watch under rule '" + rule + "'.");
      log.write(now, p, approverId, DecisionLog.Outcome.APPROVED, verdict, Optional.empty());
      say.accept("Approved " + p.surface().optionValue() + " request " + p.requestId() + " of " + p.requesterId()
          + " (rule '" + rule + "').");
      return true;
    } catch (ApprovalException e) {
      if (changed(p, "failed:" + e.code())) {
        log.write(now, p, approverId, DecisionLog.Outcome.FAILED, verdict, Optional.of(e.getMessage()));
        say.accept("Could not approve " + p.requestId() + ": " + e.getMessage());
      }
      return false;
    }
  }

  private boolean changed(PendingApproval p, String decision) {
    return !decision.equals(lastDecision.put(p.approvalId(), decision));
  }
}
