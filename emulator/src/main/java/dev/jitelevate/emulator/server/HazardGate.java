package dev.jitelevate.emulator.server;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Surface;
import java.util.Optional;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;

/**
 * Decides what the hazards do to a request before its surface sees it: targeted fault rules first, then
 * per-caller and per-service throttling, random faults and added latency for surfaces subject to hazards.
 */
final class HazardGate {
  private final FaultRules rules;
  private final TokenBuckets buckets;
  private final DoubleSupplier random;

  HazardGate(FaultRules rules, TokenBuckets buckets, DoubleSupplier random) {
    this.rules = rules;
    this.buckets = buckets;
    this.random = random;
  }

  /** What happens to the request: served normally (maybe late), answered early, or reset. */
  record Verdict(Optional<EmulatorResponse> early, boolean reset, long delayMs, boolean lostAnswer) {
    Verdict(Optional<EmulatorResponse> early, boolean reset, long delayMs) {
      this(early, reset, delayMs, false);
    }

    static Verdict proceed(long delayMs) {
      return new Verdict(Optional.empty(), false, delayMs);
    }
  }

  Verdict evaluate(Surface surface, EmulatorRequest request, String callerKey, boolean faultRulesApply, Hazards hazards) {
    long delay = 0;
    if (faultRulesApply) {
      Optional<FaultRule> rule = rules.take(request.method(), request.path());
      if (rule.isPresent()) {
        FaultRule r = rule.get();
        switch (r.kind()) {
          case RESET:
            return new Verdict(Optional.empty(), true, 0);
          case LOST_ANSWER:
            return new Verdict(Optional.empty(), false, 0, true);
          case STATUS:
            return new Verdict(Optional.of(injected(surface, r)), false, 0);
          case LATENCY:
            delay += r.latency().toMillis();
            break;
          default:
            break;
        }
      }
    }
    if (!surface.subjectToHazards()) {
      return Verdict.proceed(delay);
    }
    if (hazards.throttleRps() > 0) {
      // One bucket per caller and service: ARM, Graph and Key Vault each throttle on their own (docs/fidelity.md).
      OptionalDouble wait = buckets.take(bucketKey(surface, callerKey), hazards.throttleRps());
      if (wait.isPresent()) {
        return new Verdict(Optional.of(throttled(surface, wait.getAsDouble())), false, delay);
      }
    }
    if (hazards.faultRate() > 0 && random.getAsDouble() < hazards.faultRate()) {
      if (random.getAsDouble() < 0.5) {
        return new Verdict(Optional.empty(), true, delay);
      }
      return new Verdict(Optional.of(surface.error(503, "ServiceUnavailable",
          "The service is temporarily unavailable. Please retry the request.")), false, delay);
    }
    return Verdict.proceed(delay + hazards.latency().toMillis());
  }

  /** The synthetic throttle's bucket for this caller on this service. */
  static String bucketKey(Surface surface, String callerKey) {
    return surface.name() + "/" + callerKey;
  }

  /**
   * The 429 of an empty bucket. Graph's {@code Retry-After} carries fractions of a second (its throttling guidance
   * tells clients to honour the value as sent); the other services send whole seconds, rounded up.
   */
  static EmulatorResponse throttled(Surface surface, double waitSeconds) {
    String retryAfter = surface.name().equals("graph")
        ? String.format(Locale.ROOT, "%.3f", Math.max(0.001, waitSeconds)).replaceAll("0+$", "").replaceAll("\\.$", "")
        : Long.toString(Math.max(1, (long) Math.ceil(waitSeconds)));
    return surface.error(429, "TooManyRequests", "Too many requests. Please retry after " + retryAfter + " seconds.")
        .withHeader("Retry-After", retryAfter);
  }

  private static EmulatorResponse injected(Surface surface, FaultRule rule) {
    EmulatorResponse response = surface.error(rule.status(), codeFor(rule.status()), messageFor(rule.status()));
    return rule.retryAfterSeconds() > 0
        ? response.withHeader("Retry-After", Integer.toString(rule.retryAfterSeconds()))
        : response;
  }

  static String codeFor(int status) {
    switch (status) {
      case 429: return "TooManyRequests";
      case 500: return "InternalServerError";
      case 502: return "BadGateway";
      case 503: return "ServiceUnavailable";
      case 504: return "GatewayTimeout";
      default: return "Error" + status;
    }
  }

  private static String messageFor(int status) {
    switch (status) {
      case 429: return "Too many requests. Please retry again later.";
      case 503: return "The service is temporarily unavailable. Please retry the request.";
      case 504: return "The gateway did not receive a response within the specified time period.";
      default: return "The service encountered an internal error. Please retry the request.";
    }
  }
}
