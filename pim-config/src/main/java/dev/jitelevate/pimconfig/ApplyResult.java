package dev.jitelevate.pimconfig;

import java.util.List;

/**
 * What apply did, and the plan made after it to prove convergence.
 *
 * @param events one per change (plus waits), in order
 * @param after the re-plan: no changes when the tenant converged
 */
public record ApplyResult(List<ApplyEvent> events, Plan after) {
  public ApplyResult {
    events = List.copyOf(events);
  }

  /** True when the re-plan shows nothing left to change. */
  public boolean converged() {
    return !after.hasChanges();
  }

  /** The changes left pending (approval, another request in flight). */
  public List<ApplyEvent> pending() {
    return events.stream().filter(e -> e.outcome() == ApplyEvent.Outcome.PENDING).toList();
  }
}
