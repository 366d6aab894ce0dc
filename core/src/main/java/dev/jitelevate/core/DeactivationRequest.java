package dev.jitelevate.core;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link Elevator#deactivate(DeactivationRequest)} ends: the signed-in person's own activation of a target,
 * found by the target alone, and the waits that takes. It carries no justification, ticket or duration: ending an
 * activation asks PIM for nothing new.
 *
 * @param target the activated target
 * @param waitForFloor inside PIM's minimum active duration, wait for it to pass (true) or refuse saying from when
 *     the activation can be deactivated (false)
 * @param confirmTimeout how long to wait, once the removal was accepted, for the access to show as gone
 */
public record DeactivationRequest(ElevationTarget target, boolean waitForFloor, Duration confirmTimeout) {
  /** How long to wait for the removal to show by default: as long as an elevation waits for provisioning. */
  public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Validates the request.
   *
   * @throws InvalidElevationRequestException when the confirm timeout is not positive
   */
  public DeactivationRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(confirmTimeout, "confirmTimeout");
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      throw new InvalidElevationRequestException("confirmTimeout", "The time to wait for the deactivation to show ("
          + confirmTimeout + ") is not positive.", "Give a positive duration, e.g. 5m.");
    }
  }

  /** Ends the target's activation, waiting for PIM's minimum active duration and {@link #DEFAULT_CONFIRM_TIMEOUT}. */
  public static DeactivationRequest of(ElevationTarget target) {
    return new DeactivationRequest(target, true, DEFAULT_CONFIRM_TIMEOUT);
  }

  /** This request, waiting for PIM's minimum active duration ({@code true}) or refusing inside it. */
  public DeactivationRequest waitingForFloor(boolean wait) {
    return new DeactivationRequest(target, wait, confirmTimeout);
  }
}
