package dev.jitelevate.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ElevationEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class SecretCanaryTest {
  private static final String VALUE = "Canary-Value-8c3e!x";

  @Test
  void aRegisteredValueInAnExceptionMessageFailsTheCheckWithoutShowingTheValue() {
    try (SecretCanary canary = SecretCanary.start()) {
      canary.listener().on(new ElevationEvent.SecretRegistered(Instant.now(), VALUE));
      canary.capture("exception", new IllegalStateException("wrapped", new RuntimeException("bad " + VALUE)));

      assertThatThrownBy(canary::assertNoLeaks).isInstanceOf(AssertionError.class)
          .hasMessageContaining("exception").hasMessageContaining("<SECRET>").hasMessageNotContaining(VALUE);
    }
  }

  @Test
  void printedLoggedAndEncodedValuesAreFound() {
    try (SecretCanary canary = SecretCanary.start()) {
      canary.watch(VALUE);
      System.err.println("token " + Base64.getEncoder().encodeToString(VALUE.getBytes()));
      Logger.getLogger("test").warning("value=" + VALUE);

      assertThatThrownBy(canary::assertNoLeaks).hasMessageContaining("System.out/System.err/java.util.logging");
    }
  }

  @Test
  void cleanOutputPassesAndTheSecretEventItselfIsNotALeak() {
    try (SecretCanary canary = SecretCanary.start()) {
      canary.listener().on(new ElevationEvent.SecretRegistered(Instant.now(), VALUE));
      canary.listener().on(new ElevationEvent.Notice(Instant.now(), ElevationEvent.Level.INFO, "rotated db-password"));
      canary.capture("notes", java.util.Map.of("newVersion", "0123"));

      canary.assertNoLeaks();
      assertThat(canary.watched()).isEqualTo(1);
    }
  }

  @Test
  void watchingNothingIsAVacuousCheckAndFails() {
    try (SecretCanary canary = SecretCanary.start()) {
      assertThatThrownBy(canary::assertNoLeaks).hasMessageContaining("proves nothing");
    }
  }
}
