package dev.jitelevate.runner.approvals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The auto-approver's policy: the rules for low-risk requests, and the working hours (in a time zone) some rules
 * keep to. A request is approved when one rule matches it, within working hours where the rule asks, and its
 * requester is not the approver; everything else is left for people.
 */
record AutoApprovalPolicy(ZoneId zone, Optional<WorkingHours> workingHours, List<AutoApprovalRule> rules) {
  AutoApprovalPolicy {
    rules = List.copyOf(rules);
  }

  /** What to do with a waiting request, as the approver, now. */
  Verdict evaluate(PendingApproval p, String approverId, Instant now) {
    if (p.requesterId().equalsIgnoreCase(approverId)) {
      return Verdict.leave(List.of("the requester is the approver"));
    }
    List<String> reasons = new ArrayList<>();
    for (AutoApprovalRule rule : rules) {
      Optional<String> mismatch = rule.mismatch(p);
      if (mismatch.isEmpty() && rule.workingHoursOnly() && !workingHours.orElseThrow().contains(now.atZone(zone))) {
        mismatch = Optional.of("outside working hours (" + workingHours.get() + ", " + zone + ")");
      }
      if (mismatch.isEmpty()) {
        return Verdict.approve(rule.name());
      }
      reasons.add("rule '" + rule.name() + "': " + mismatch.get());
    }
    return Verdict.leave(reasons);
  }

  /**
   * A decision: approve under a rule, or leave for people with the reasons no rule applied.
   *
   * @param approve whether to approve
   * @param rule the rule that approves
   * @param reasons why each rule did not apply, when left
   */
  record Verdict(boolean approve, Optional<String> rule, List<String> reasons) {
    Verdict {
      reasons = List.copyOf(reasons);
    }

    static Verdict approve(String rule) {
      return new Verdict(true, Optional.of(rule), List.of());
    }

    static Verdict leave(List<String> reasons) {
      return new Verdict(false, Optional.empty(), reasons);
    }
  }
}
