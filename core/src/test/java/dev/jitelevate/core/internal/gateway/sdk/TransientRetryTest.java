package dev.jitelevate.core.internal.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

  @Nested
  class DelayAfterAThrottle {
    @Test
    void waitsAtLeastAsLongAsRetryAfterSays() {
      assertThat(TransientRetry.delay(Optional.of(Duration.ofSeconds(2)), Duration.ofMillis(300)))
          .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void waitsForTheGrownBackoffWhenItIsLongerThanRetryAfter() {
      assertThat(TransientRetry.delay(Optional.of(Duration.ofSeconds(1)), Duration.ofMillis(3700)))
          .isEqualTo(Duration.ofMillis(3700));
    }

    @Test
    void capsAnExcessiveRetryAfterAtTwoMinutes() {
      assertThat(TransientRetry.delay(Optional.of(Duration.ofHours(1)), Duration.ofSeconds(1)))
          .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void usesTheBackoffWithoutRetryAfter() {
      assertThat(TransientRetry.delay(Optional.empty(), Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(800));
    }
  }
}
