package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ElevationListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The command validator leaves nothing running with the new value, however the command ends. */
@EnabledOnOs({OS.LINUX})
class CommandValidatorTest {
  private static final String VALUE = "new-value-8d1f";
  private final RecordingOperationContext context =
      new RecordingOperationContext(new InProcessKeyVault(), ElevationListener.none(), false);

  /** A sleep whose duration no other process on the machine has: how the test finds what the command left. */
  private static String uniqueSleep() {
    return "sleep " + (300 + (System.nanoTime() % 1000)) + "." + (1 + (int) (Math.random() * 98));
  }

  private static List<ProcessHandle> running(String sleep) {
    String duration = sleep.substring("sleep ".length());
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
        .filter(p -> p.info().arguments().map(a -> a.length == 1 && a[0].equals(duration)).orElse(false))
        .toList();
  }

  /** SIGKILL is asynchronous: a killed process may be listed for a moment after the kill. */
  private static List<ProcessHandle> stillRunningAfterAMoment(String sleep) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<ProcessHandle> left = running(sleep);
    while (!left.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(50);
      left = running(sleep);
    }
    left.forEach(ProcessHandle::destroyForcibly);
    return left;
  }

  @Test
  void aChildTheCommandLeftInTheBackgroundIsStoppedWhenTheCommandExits() throws Exception {
    String sleep = uniqueSleep();
    RotationValidator validator = RotationValidator.command(List.of("sh", "-c", sleep + " & echo checked"),
        "NEW_SECRET", Duration.ofSeconds(20));

    RotationValidator.Result result = validator.validate("db-password", VALUE, context);

    assertThat(result.passed()).isTrue();
    assertThat(result.output()).containsExactly("checked");
    assertThat(stillRunningAfterAMoment(sleep)).isEmpty();
  }

  @Test
  void aCommandThatRunsOutOfTimeIsKilledWithItsChildren() throws Exception {
    String sleep = uniqueSleep();
    RotationValidator validator = RotationValidator.command(List.of("sh", "-c", "echo waiting; " + sleep + "; true"),
        "NEW_SECRET", Duration.ofMillis(500));

    RotationValidator.Result result = validator.validate("db-password", VALUE, context);

    assertThat(result.passed()).isFalse();
    assertThat(result.detail()).contains("did not finish");
    assertThat(result.output()).first().isEqualTo("waiting");
    assertThat(stillRunningAfterAMoment(sleep)).isEmpty();
  }

  @Test
  void aCancelledCommandKeepsItsOutputAndLeavesNoProcessBehind(@TempDir Path dir) throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      String sleep = uniqueSleep();
      Path started = dir.resolve("started-" + attempt);
      // Cancelled right as the shell starts its last child: the instant a child can escape being listed.
      RotationValidator validator = RotationValidator.command(List.of("sh", "-c",
          "echo checking; touch '" + started + "'; " + sleep), "NEW_SECRET", Duration.ofMinutes(5));
      CompletableFuture<RotationValidator.Result> outcome = new CompletableFuture<>();
      CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
      Thread worker = new Thread(() -> {
        outcome.complete(validator.validate("db-password", VALUE, context));
        interruptKept.complete(Thread.currentThread().isInterrupted());
      });
      worker.start();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(started) && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      worker.interrupt();

      RotationValidator.Result result = outcome.get(10, TimeUnit.SECONDS);
      assertThat(result.passed()).isFalse();
      assertThat(result.output()).first().isEqualTo("checking");
      assertThat(interruptKept.get(1, TimeUnit.SECONDS)).isTrue();
      assertThat(stillRunningAfterAMoment(sleep)).as("attempt %d", attempt).isEmpty();
    }
  }
}
