package dev.jitelevate.emulator.server;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** One token bucket per key (a caller on a service, HazardGate.bucketKey): {@code rps} tokens per second, a burst of at most one second's worth. */
final class TokenBuckets {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  TokenBuckets(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  /**
   * Takes a token for the caller.
   *
   * @return empty when allowed, else the seconds until the bucket holds a token again (exact, above 0)
   */
  OptionalDouble take(String caller, double rps) {
    double capacity = Math.max(1.0, rps);
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      double elapsed = (now - bucket.last) / 1e9;
      bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * rps);
      bucket.last = now;
      if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(Math.max(0.001, (1.0 - bucket.tokens) / rps));
    }
  }

  void clear() {
    buckets.clear();
  }
}
