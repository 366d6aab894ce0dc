package dev.jitelevate.core.internal.retry;

import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.DoubleSupplier;

/**
 * Holds one client's calls while a service throttles it. Throttling is per caller, so when one call of a client
 * hears 429 with {@code Retry-After}, every other call of that client (many elevations through one broker) would
 * hear the same until then: instead of each of them spending a request and a retry on a 429, they wait at the gate
 * until the time the server named, and then pass spread over up to {@link #SPREAD} (from an injected random
 * source) so that they do not all arrive in the same instant and empty the bucket again. The throttled call
 * itself keeps its own schedule ({@code Retry-After} as a floor under its backoff). Thread-safe.
 */
public final class ThrottleGate {
  /** How far past the reopening the held calls are spread. */
  static final Duration SPREAD = Duration.ofSeconds(1);
  private static final Map<Object, Map<String, ThrottleGate>> SHARED = new WeakHashMap<>();

  private Instant closedUntil = Instant.MIN;

  /** A gate of its own (one client that shares it with nobody). */
  public ThrottleGate() {}

  /**
   * The gate of {@code client} (e.g. one broker's credential source, which every elevation through that broker
   * shares) on one service, shared by every call in this JVM that names the same pair; forgotten with the client.
   */
  public static ThrottleGate of(Object client, String service) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(service, "service");
    synchronized (SHARED) {
      return SHARED.computeIfAbsent(client, k -> new HashMap<>()).computeIfAbsent(service, s -> new ThrottleGate());
    }
  }

  /** The server asked this client to wait until {@code until}: hold its calls until then (never shortens a hold). */
  public synchronized void closeUntil(Instant until) {
    if (until.isAfter(closedUntil)) {
      closedUntil = until;
    }
  }

  /** How long a call arriving at {@code now} is held: zero when the gate is open, else to the reopening plus its spread. */
  public Duration holdAt(Instant now, DoubleSupplier random) {
    Instant until;
    synchronized (this) {
      until = closedUntil;
    }
    if (!now.isBefore(until)) {
      return Duration.ZERO;
    }
    long spreadMillis = (long) (SPREAD.toMillis() * Math.max(0, Math.min(1, random.getAsDouble())));
    return Duration.between(now, until).plusMillis(spreadMillis);
  }

  /**
   * Waits while the gate is closed, rechecking after each wait (another call may have closed it for longer).
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void pass(Clock clock, Sleeper sleeper, DoubleSupplier random) throws InterruptedException {
    for (Duration hold = holdAt(clock.instant(), random); !hold.isZero(); hold = recheck(clock, random)) {
      sleeper.sleep(hold);
    }
  }

  /** After a hold: held again only when the gate was closed for longer meanwhile (no second spread otherwise). */
  private Duration recheck(Clock clock, DoubleSupplier random) {
    Instant now = clock.instant();
    synchronized (this) {
      if (!now.isBefore(closedUntil)) {
        return Duration.ZERO;
      }
    }
    return holdAt(now, random);
  }
}
