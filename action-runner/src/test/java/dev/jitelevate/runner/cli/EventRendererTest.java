package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ElevationEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventRendererTest {
  static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  final CapturedConsole captured = new CapturedConsole();
  final EventRenderer renderer = new EventRenderer(captured.console);

  ElevationEvent.Waiting waiting(long elapsedMs, String status) {
    return new ElevationEvent.Waiting(T0.plusMillis(elapsedMs), "await", status, Duration.ofMillis(elapsedMs),
        T0.plus(Duration.ofMinutes(5)));
  }

  @Nested
  class Steps {
    @Test
    void printOneLinePerStepWithItsTiming() {
      renderer.on(new ElevationEvent.StepStarted(T0, "submit", "AdminAssign of Key Vault Secrets Officer"));
      renderer.on(new ElevationEvent.StepFinished(T0.plusMillis(320), "submit", Duration.ofMillis(320), true, "request r-1"));
      renderer.on(new ElevationEvent.StepFinished(T0.plusSeconds(3), "verify", Duration.ofMillis(2400), false, "still 403"));

      assertThat(captured.err().lines()).containsExactly(
          "10:00:00 -> submit    AdminAssign of Key Vault Secrets Officer",
          "10:00:00 ok submit    done in 320ms: request r-1",
          "10:00:03 !! verify    FAILED in 2.4s: still 403");
      assertThat(captured.out()).isEmpty();
    }

    @Test
    void nameTheTargetOnlyWhenItChanges() {
      renderer.on(new ElevationEvent.StepStarted(T0, "resolve", "Azure role 'Reader' at /subscriptions/x"));
      renderer.on(new ElevationEvent.StepStarted(T0, "precheck", "Azure role 'Reader' at /subscriptions/x"));

      assertThat(captured.err().lines()).containsExactly(
          "10:00:00 -> resolve   Azure role 'Reader' at /subscriptions/x",
          "10:00:00 -> precheck");
    }

    @Test
    void printRetriesAndNotices() {
      renderer.on(new ElevationEvent.Retrying(T0, "submit", 2, Duration.ofSeconds(1), "429 TooManyRequests"));
      renderer.on(new ElevationEvent.Notice(T0, ElevationEvent.Level.WARNING, "Left to expire at 10:30"));

      assertThat(captured.err().lines()).containsExactly(
          "10:00:00 .. submit    retry 2 in 1.0s: 429 TooManyRequests",
          "10:00:00 !! warning   Left to expire at 10:30");
    }

    @Test
    void printNothingWhenQuiet() {
      EventRenderer quiet = new EventRenderer(captured.console, true);
      quiet.on(new ElevationEvent.StepStarted(T0, "submit", ""));
      assertThat(captured.err()).isEmpty();
    }
  }

  @Nested
  class Waiting {
    @Test
    void showTheFirstPollThenAtMostOneLineEveryFewSeconds() {
      for (long ms = 0; ms <= 12_000; ms += 250) {
        renderer.on(waiting(ms, "PendingProvisioning"));
      }

      assertThat(captured.err().lines()).hasSize(3).allMatch(l -> l.contains("waiting: PendingProvisioning"));
      assertThat(captured.err().lines().toList().get(1)).contains("5.0s elapsed, deadline in 4m55s");
    }

    @Test
    void showAChangeOfStatusAtOnce() {
      renderer.on(waiting(0, "PendingApproval"));
      renderer.on(waiting(250, "PendingApproval"));
      renderer.on(waiting(500, "Granted"));

      assertThat(captured.err().lines()).hasSize(2).last().asString().contains("Granted");
    }
  }

  @Nested
  class Secrets {
    @Test
    void areNeverPrintedAndMaskedInEverythingAfter() {
      renderer.on(new ElevationEvent.SecretRegistered(T0, "n3w-v@lue-123"));
      renderer.on(new ElevationEvent.Notice(T0, ElevationEvent.Level.INFO, "validator said n3w-v@lue-123 works"));
      captured.console.result("result n3w-v@lue-123");

      assertThat(captured.err()).doesNotContain("n3w-v@lue-123").contains("validator said *** works");
      assertThat(captured.out()).isEqualTo("result ***" + System.lineSeparator());
    }

    @Test
    void areMaskedEvenWhenQuiet() {
      new EventRenderer(captured.console, true).on(new ElevationEvent.SecretRegistered(T0, "hidden-value-1"));
      captured.console.error("x hidden-value-1");
      assertThat(captured.err()).doesNotContain("hidden-value-1");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
      captured.redactor.register("abc123");
      captured.redactor.register("abc123-longer");
      assertThat(captured.redactor.redact("abc123-longer and abc123")).isEqualTo("*** and ***");
    }
  }
}
