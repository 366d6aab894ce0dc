package dev.jitelevate.emulator.kernel;

import java.util.List;
import java.util.Optional;

/**
 * One emulated service (Entra, ARM, Graph, Key Vault, GitHub). The HTTP engine asks each surface in
 * turn whether it {@link #owns} a request, applies the hazards (throttling, faults, latency) in that
 * surface's own error envelope, then calls {@link #handle}. Surfaces are thread-safe.
 */
public interface Surface {

  /** A short stable name: {@code entra}, {@code arm}, {@code graph}, {@code keyvault}, {@code github}. */
  String name();

  /** Returns true when this surface serves the request's path. */
  boolean owns(EmulatorRequest request);

  /** Serves the request. Never throws for bad input: answers with the real service's error envelope. */
  EmulatorResponse handle(EmulatorRequest request);

  /** Renders an error in this surface's envelope (used for throttling and injected faults too). */
  EmulatorResponse error(int status, String code, String message);

  /** Whether throttling and random faults apply to this surface (false for the admin API, say). */
  default boolean subjectToHazards() {
    return true;
  }

  /** Replaces this surface's state with the scenario's. Called on start and on reset. */
  void load(Scenario scenario);

  /** Active assignments and memberships this surface holds right now (the leak detector's view). */
  default List<ActiveAssignment> activeAssignments() {
    return List.of();
  }

  /** Approvals waiting for a decision on this surface. */
  default List<PendingApproval> pendingApprovals() {
    return List.of();
  }

  /**
   * Decides a pending approval as the given approver.
   *
   * @return the decision's outcome, or empty when this surface has no such approval
   */
  default Optional<PendingApproval> decide(String approvalId, boolean approve, String approverId, String justification) {
    return Optional.empty();
  }
}
