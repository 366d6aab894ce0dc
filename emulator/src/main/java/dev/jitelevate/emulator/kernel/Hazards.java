package dev.jitelevate.emulator.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable hazards of the real services. Immutable; the emulator holds the current value and
 * the admin API replaces it.
 *
 * @param provisioningDelay time a successful PIM request stays {@code Accepted}/{@code PendingProvisioning}
 *     before it becomes {@code Provisioned} and its assignment exists
 * @param propagationDelay time after an assignment exists during which the ARM permissions API and the
 *     Key Vault data plane still refuse ({@code AuthorizationFailed}/{@code ForbiddenByRbac})
 * @param minimumActiveDuration the floor below which a deactivation fails with {@code ActiveDurationTooShort}
 *     (5 minutes in the real service)
 * @param throttleRps requests per second allowed per caller on each service (ARM, Graph, Key Vault, Logs
 *     Ingestion: one bucket each, as the real services throttle separately) before 429 + Retry-After; 0 disables
 * @param faultRate probability (0..1) that a PIM/Graph/Key Vault request fails with a 5xx or a reset
 * @param latency added latency for every PIM/Graph/Key Vault request
 * @param approvalStageTimeout how long an approval stage waits for a decision before the request times out
 * @param tokenLifetime lifetime of access tokens the emulator's Entra endpoint issues
 */
public record Hazards(
    Duration provisioningDelay,
    Duration propagationDelay,
    Duration minimumActiveDuration,
    double throttleRps,
    double faultRate,
    Duration latency,
    Duration approvalStageTimeout,
    Duration tokenLifetime) {

  public Hazards {
    Objects.requireNonNull(provisioningDelay, "provisioningDelay");
    Objects.requireNonNull(propagationDelay, "propagationDelay");
    Objects.requireNonNull(minimumActiveDuration, "minimumActiveDuration");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(approvalStageTimeout, "approvalStageTimeout");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    if (throttleRps < 0) throw new IllegalArgumentException("throttleRps must be >= 0");
    if (faultRate < 0 || faultRate > 1) throw new IllegalArgumentException("faultRate must be within 0..1");
  }

  /** The real services' behaviour without delays: no throttling, no faults, a 5-minute floor. */
  public static Hazards none() {
    return new Hazards(
        Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5), 0, 0, Duration.ZERO, Duration.ofDays(1),
        Duration.ofMinutes(60));
  }

  public Hazards withProvisioningDelay(Duration d) {
    return new Hazards(d, propagationDelay, minimumActiveDuration, throttleRps, faultRate, latency, approvalStageTimeout, tokenLifetime);
  }

  public Hazards withPropagationDelay(Duration d) {
    return new Hazards(provisioningDelay, d, minimumActiveDuration, throttleRps, faultRate, latency, approvalStageTimeout, tokenLifetime);
  }

  public Hazards withMinimumActiveDuration(Duration d) {
    return new Hazards(provisioningDelay, propagationDelay, d, throttleRps, faultRate, latency, approvalStageTimeout, tokenLifetime);
  }

  public Hazards withThrottleRps(double rps) {
    return new Hazards(provisioningDelay, propagationDelay, minimumActiveDuration, rps, faultRate, latency, approvalStageTimeout, tokenLifetime);
  }

  public Hazards withFaultRate(double rate) {
    return new Hazards(provisioningDelay, propagationDelay, minimumActiveDuration, throttleRps, rate, latency, approvalStageTimeout, tokenLifetime);
  }

  public Hazards withLatency(Duration d) {
    return new Hazards(provisioningDelay, propagationDelay, minimumActiveDuration, throttleRps, faultRate, d, approvalStageTimeout, tokenLifetime);
  }

  public Hazards withApprovalStageTimeout(Duration d) {
    return new Hazards(provisioningDelay, propagationDelay, minimumActiveDuration, throttleRps, faultRate, latency, d, tokenLifetime);
  }

  public Hazards withTokenLifetime(Duration d) {
    return new Hazards(provisioningDelay, propagationDelay, minimumActiveDuration, throttleRps, faultRate, latency, approvalStageTimeout, d);
  }
}
