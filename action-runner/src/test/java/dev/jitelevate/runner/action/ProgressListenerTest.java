package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ElevationEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {
  static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");
  static final String TARGET = "azure-role /subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4 at /subscriptions/x";

  @Test
  void theTargetIsNamedOncePerGroupNotOnEveryLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressListener progress = new ProgressListener(new WorkflowLog(new PrintStream(out, true, StandardCharsets.UTF_8)),
        Clock.systemUTC());
    progress.targetNamedInTitle();
    progress.on(new ElevationEvent.StepStarted(T0, "revoke", TARGET));
    progress.on(new ElevationEvent.StepFinished(T0, "revoke", Duration.ofSeconds(1), true, ""));
    progress.on(new ElevationEvent.StepStarted(T0, "record", TARGET));

    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("b86a8fe4").contains("\u25B6 revoke\n", "\u25B6 record\n");
  }

  @Test
  void withoutATitleTheFirstStepNamesTheTargetAndTheNextOnesDoNot() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressListener progress = new ProgressListener(new WorkflowLog(new PrintStream(out, true, StandardCharsets.UTF_8)),
        Clock.systemUTC());
    progress.on(new ElevationEvent.StepStarted(T0, "resolve", "azure-role Reader at /subscriptions/x"));
    progress.on(new ElevationEvent.StepStarted(T0, "precheck", "azure-role Reader at /subscriptions/x"));

    assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("Reader at /subscriptions/x");
  }
}
