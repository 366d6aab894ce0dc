package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.PIM;
import static dev.jitelevate.emulator.arm.ArmFixture.SUB_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ArmThrottlingTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ArmRateLimits limits = new ArmRateLimits(nanos::get);

  @Test
  void readsAndWritesHaveTheDocumentedBucketsPerPrincipalAndSubscription() {
    limits.load(Scenario.empty());
    var firstRead = limits.take("p", "/subscriptions/s1/providers/x", false);
    assertThat(firstRead.header()).isEqualTo("x-ms-ratelimit-remaining-subscription-reads");
    assertThat(firstRead.remaining()).isEqualTo(249);
    var firstWrite = limits.take("p", "/subscriptions/s1/providers/x", true);
    assertThat(firstWrite.header()).isEqualTo("x-ms-ratelimit-remaining-subscription-writes");
    assertThat(firstWrite.remaining()).isEqualTo(199);
    assertThat(limits.take("p", "/subscriptions/s2/providers/x", false).remaining()).as("another subscription").isEqualTo(249);
    assertThat(limits.take("q", "/subscriptions/s1/providers/x", false).remaining()).as("another principal").isEqualTo(249);
  }

  @Test
  void anEmptyBucketRefusesUntilItRefillsAndSaysHowLongToWait() {
    limits.load(scenario(3, 0.5));
    for (int i = 0; i < 3; i++) {
      assertThat(limits.take("p", "/subscriptions/s1", false).throttled()).isFalse();
    }
    var refused = limits.take("p", "/subscriptions/s1", false);
    assertThat(refused.throttled()).isTrue();
    assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    assertThat(refused.refusalMessage()).isEqualTo("Number of 'read' requests for subscription 's1' actor 'p' exceeded."
        + " Please try again after '2' seconds.");
    nanos.addAndGet(2_000_000_000L);
    assertThat(limits.take("p", "/subscriptions/s1", false).throttled()).isFalse();
  }

  @Test
  void theSurfaceStampsTheRemainingCountAndAnswers429SubscriptionRequestsThrottled() {
    ArmFixture arm = new ArmFixture();
    arm.surface.load(scenarioOver(Scenario.classpath("/arm/arm-test-scenario.json"), 2, 0.001));
    String path = SUB_SCOPE + "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?api-version=" + PIM
        + "&$filter=asTarget()";
    var first = arm.get("alice", path);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.response().headers()).containsEntry("x-ms-ratelimit-remaining-subscription-reads", "1");
    arm.get("alice", path);
    var throttled = arm.get("alice", path);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.json().path("error").path("code").asText()).isEqualTo("SubscriptionRequestsThrottled");
    assertThat(Long.parseLong(throttled.response().headers().get("Retry-After"))).isPositive();
    assertThat(arm.get("bob", path).status()).as("buckets are per principal").isEqualTo(200);
  }

  private static Scenario scenario(int bucket, double refill) {
    return scenarioOver(Scenario.empty(), bucket, refill);
  }

  private static Scenario scenarioOver(Scenario base, int bucket, double refill) {
    ObjectNode root = (ObjectNode) base.root().deepCopy();
    ObjectNode arm = root.putObject("throttling").putObject("arm");
    arm.putObject("reads").put("bucket", bucket).put("refillPerSecond", refill);
    arm.putObject("writes").put("bucket", bucket).put("refillPerSecond", refill);
    return new Scenario(root);
  }
}
