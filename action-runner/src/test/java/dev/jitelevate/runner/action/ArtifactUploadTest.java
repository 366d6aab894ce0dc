package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArtifactUploadTest {
  final List<Duration> slept = new ArrayList<>();
  ArtifactServiceFake service;
  ArtifactUpload upload;

  @BeforeEach
  void start() throws IOException {
    service = new ArtifactServiceFake();
    ActionEnvironment env = new ActionEnvironment(Map.of("ACTIONS_RUNTIME_TOKEN", service.runtimeToken,
        "ACTIONS_RESULTS_URL", service.resultsUrl()));
    WorkflowLog log = new WorkflowLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    Backoff backoff = new Backoff(5, Duration.ofSeconds(3), 1.5, slept::add, () -> 0.5);
    upload = ArtifactUpload.from(env, new OkHttpClient(), log, backoff).orElseThrow();
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void retriesThrottlingAndServerErrorsWithTheToolkitsBackoff() throws IOException {
    service.failNext.addAll(List.of(429, 503, 502));
    assertThat(upload.upload("rec", "r.json", "{}".getBytes(StandardCharsets.UTF_8))).isEqualTo("4711");
    assertThat(slept).containsExactly(Duration.ofMillis(3750), Duration.ofMillis(5625), Duration.ofMillis(8437));
  }

  @Test
  void retriesTheBlobUploadToo() throws IOException {
    // The first call (CreateArtifact) passes; then the PUT of the blob answers 503 once.
    service.failAfter = 1;
    service.failNext.add(503);
    assertThat(upload.upload("rec", "r.json", new byte[] {1})).isEqualTo("4711");
    assertThat(service.calls).extracting(ArtifactServiceFake.Call::path).filteredOn(p -> p.startsWith("PUT")).hasSize(2);
  }

  @Test
  void givesUpAfterFiveAttemptsSayingSo() {
    service.failNext.addAll(List.of(503, 503, 503, 503, 503));
    assertThatThrownBy(() -> upload.upload("rec", "r.json", new byte[] {1}))
        .isInstanceOf(IOException.class).hasMessage("CreateArtifact answered HTTP 503: try later (tried 5 times)");
    assertThat(slept).hasSize(4);
  }

  @Test
  void doesNotRetryARefusal() {
    service.failNext.add(401);
    assertThatThrownBy(() -> upload.upload("rec", "r.json", new byte[] {1}))
        .isInstanceOf(IOException.class).hasMessage("CreateArtifact answered HTTP 401: try later");
    assertThat(slept).isEmpty();
  }

  @Test
  void theJitterSpreadsEachWaitOverHalfItsBaseAgain() {
    Backoff low = new Backoff(5, Duration.ofSeconds(3), 1.5, d -> { }, () -> 0.0);
    Backoff high = new Backoff(5, Duration.ofSeconds(3), 1.5, d -> { }, () -> 0.999);
    assertThat(low.delay(0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(high.delay(0)).isBetween(Duration.ofMillis(4490), Duration.ofMillis(4500));
    assertThat(low.delay(2)).isEqualTo(Duration.ofMillis(6750));
  }
}
