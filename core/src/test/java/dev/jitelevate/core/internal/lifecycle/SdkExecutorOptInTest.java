package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.SharedExecutorService;
import dev.jitelevate.core.ElevationOutcome;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** azure-core's process-wide executor is replaced only when the application opts in, never by a library user. */
class SdkExecutorOptInTest {

  @Test
  void aLibraryUsersElevatorLeavesAzureCoresSharedExecutorAlone() {
    ScheduledExecutorService before = SharedExecutorService.getInstance().getExecutorService();
    int asked = SdkSharedExecutor.replacementsRequested();
    Harness h = new Harness();

    ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {});

    assertThat(outcome.failure()).isEmpty();
    assertThat(SdkSharedExecutor.replacementsRequested()).isEqualTo(asked);
    assertThat(SharedExecutorService.getInstance().getExecutorService()).isSameAs(before);
  }

  @Test
  void anApplicationThatOptsInGetsAnSdkExecutorThatSurvivesShutdown() throws Exception {
    int asked = SdkSharedExecutor.replacementsRequested();
    Harness h = new Harness();
    h.replaceSdkExecutor = true;

    ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {});

    assertThat(outcome.failure()).isEmpty();
    assertThat(SdkSharedExecutor.replacementsRequested()).isGreaterThan(asked);
    String thread = SharedExecutorService.getInstance().submit(() -> Thread.currentThread().getName())
        .get(10, TimeUnit.SECONDS);
    assertThat(thread).isEqualTo("jit-elevate-sdk");
  }
}
