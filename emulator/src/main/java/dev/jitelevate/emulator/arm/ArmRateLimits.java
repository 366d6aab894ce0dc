package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM's throttling as "Understand how Azure Resource Manager throttles requests" describes it: a token bucket per
 * principal and subscription (one region here) for reads and one for writes (reads: 250 tokens, 25 a second;
 * writes: 200, 10 a second; a scenario's {@code throttling.arm.reads|writes.bucket|refillPerSecond} changes them).
 * Every answer carries {@code x-ms-ratelimit-remaining-subscription-reads|writes}; an empty bucket answers 429
 * {@code SubscriptionRequestsThrottled} with a whole-second {@code Retry-After}. Buckets refill with real
 * (monotonic) time, as ARM's do, so a test that freezes the emulator's clock is not throttled for ever.
 */
final class ArmRateLimits {
  /**
   * One kind of bucket.
   *
   * @param bucket the most tokens it holds (and starts with)
   * @param refillPerSecond tokens added each second
   */
  record Limit(int bucket, double refillPerSecond) {
    Limit {
      if (bucket < 1 || refillPerSecond <= 0) {
        throw new IllegalArgumentException("throttling.arm: bucket must be at least 1 and refillPerSecond above 0");
      }
    }
  }

  static final Limit READS = new Limit(250, 25);
  static final Limit WRITES = new Limit(200, 10);

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/subscriptions/([^/?]+)");

  private final Map<String, Bucket> buckets = new HashMap<>();
  private final LongSupplier nanoTime;
  private Limit reads = READS;
  private Limit writes = WRITES;

  ArmRateLimits(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Takes the scenario's limits and starts every bucket full again. */
  synchronized void load(Scenario scenario) {
    JsonNode arm = scenario.section("throttling").path("arm");
    reads = limit(arm.path("reads"), READS);
    writes = limit(arm.path("writes"), WRITES);
    buckets.clear();
  }

  /**
   * Takes a token for a call.
   *
   * @return the 429 to answer instead of serving the call, or empty with the remaining count in {@code remaining}
   */
  synchronized Taken take(String principalId, String path, boolean write) {
    Limit limit = write ? writes : reads;
    String subscription = subscriptionOf(path);
    String key = principalId.toLowerCase(Locale.ROOT) + "|" + subscription.toLowerCase(Locale.ROOT) + "|" + (write ? "w" : "r");
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.bucket(), now));
    double elapsed = Math.max(0, (now - bucket.last) / 1e9);
    bucket.tokens = Math.min(limit.bucket(), bucket.tokens + elapsed * limit.refillPerSecond());
    bucket.last = now;
    String header = "x-ms-ratelimit-remaining-subscription-" + (write ? "writes" : "reads");
    if (bucket.tokens >= 1.0) {
      bucket.tokens -= 1.0;
      return new Taken(header, (long) Math.floor(bucket.tokens), 0, principalId, subscription, write);
    }
    long wait = Math.max(1, (long) Math.ceil((1.0 - bucket.tokens) / limit.refillPerSecond()));
    return new Taken(header, 0, wait, principalId, subscription, write);
  }

  /** The subscription a path is in, or {@code tenant} for calls above subscriptions. */
  static String subscriptionOf(String path) {
    Matcher m = SUBSCRIPTION.matcher(path);
    return m.find() ? m.group(1) : "tenant";
  }

  /**
   * The outcome of taking a token.
   *
   * @param header the remaining-count header's name
   * @param remaining tokens left after this call
   * @param retryAfterSeconds 0 when the call may proceed, else the whole seconds to wait
   * @param principalId the caller
   * @param subscription the subscription whose bucket it was ({@code tenant} above subscriptions)
   * @param write whether the write bucket
   */
  record Taken(String header, long remaining, long retryAfterSeconds, String principalId, String subscription,
      boolean write) {
    boolean throttled() {
      return retryAfterSeconds > 0;
    }

    /** The body of ARM's 429 for an empty bucket. */
    String refusalMessage() {
      return "Number of '" + (write ? "write" : "read") + "' requests for subscription '" + subscription + "' actor '"
          + principalId + "' exceeded. Please try again after '" + retryAfterSeconds + "' seconds.";
    }

    EmulatorResponse stamp(EmulatorResponse response) {
      return response.withHeader(header, Long.toString(remaining));
    }
  }

  private static Limit limit(JsonNode node, Limit fallback) {
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    return new Limit(node.path("bucket").asInt(fallback.bucket()),
        node.path("refillPerSecond").asDouble(fallback.refillPerSecond()));
  }
}
