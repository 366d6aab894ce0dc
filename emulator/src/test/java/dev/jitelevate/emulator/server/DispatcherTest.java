package dev.jitelevate.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Hazards;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final EmulatorContext context = new EmulatorContext(EmulatorClock.system(), Hazards.none());
  private final AtomicLong nanos = new AtomicLong();
  private final FaultRules rules = new FaultRules();
  private final RequestJournal journal = new RequestJournal();
  private double randomValue = 0.99;
  private FakeSurface admin;
  private FakeSurface arm;
  private Dispatcher dispatcher;

  @BeforeEach
  void setUp() {
    admin = new FakeSurface("admin", "/_emulator/", false);
    arm = new FakeSurface("arm", "/subscriptions", true);
    HazardGate gate = new HazardGate(rules, new TokenBuckets(nanos::get), () -> randomValue);
    dispatcher = new Dispatcher(context, List.of(admin, arm), admin, gate, journal, "");
  }

  private Dispatcher.Outcome get(String url, String... headers) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    return dispatcher.dispatch("GET", url, map, new byte[0], "127.0.0.1");
  }

  private static String body(Dispatcher.Outcome outcome) {
    return new String(outcome.response().body(), StandardCharsets.UTF_8);
  }

  @Nested
  class Routing {
    @Test
    void aRequestGoesToTheSurfaceThatOwnsItsPath() {
      assertThat(get("/subscriptions/s1").response().status()).isEqualTo(200);
      assertThat(arm.served).hasSize(1);
    }

    @Test
    void duplicateSlashesAreCollapsedAndThePathAndQueryAreDecodedButTheRawPathIsKept() {
      get("//subscriptions/a%20b/x?%24filter=atScope%28%29&api-version=2020-10-01");
      var request = arm.served.get(0);
      assertThat(request.path()).isEqualTo("/subscriptions/a b/x");
      assertThat(request.rawPath()).isEqualTo("//subscriptions/a%20b/x");
      assertThat(request.queryParam("$filter")).contains("atScope()");
      assertThat(request.queryParam("api-version")).contains("2020-10-01");
    }

    @Test
    void aPathNoSurfaceOwnsGetsA404JsonError() {
      var outcome = get("/nowhere");
      assertThat(outcome.response().status()).isEqualTo(404);
      assertThat(body(outcome)).contains("\"code\":\"NotFound\"").contains("/nowhere");
    }

    @Test
    void anExceptionInASurfaceBecomesThatSurfacesOwn500Envelope() {
      arm.answering(r -> {
        throw new IllegalStateException("boom");
      });
      var outcome = get("/subscriptions/s1");
      assertThat(outcome.response().status()).isEqualTo(500);
      assertThat(body(outcome)).contains("InternalServerError").contains("\"surface\":\"arm\"").doesNotContain("at dev.");
    }
  }

  @Nested
  class Headers {
    @Test
    void everyResponseCarriesRequestIdsDateAndEchoesClientIds() {
      var headers = get("/subscriptions/s1", "x-ms-client-request-id", "c-1", "client-request-id", "c-2",
          "x-ms-correlation-request-id", "corr-1").response().headers();
      assertThat(headers.get("x-ms-request-id")).matches("[0-9a-f-]{36}").isEqualTo(headers.get("request-id"));
      assertThat(headers).containsEntry("x-ms-client-request-id", "c-1").containsEntry("client-request-id", "c-2")
          .containsEntry("x-ms-correlation-request-id", "corr-1").containsKey("Date");
    }

    @Test
    void theRequestIdHeaderIsTheRequestIdTheSurfaceSaw() {
      var outcome = get("/subscriptions/s1");
      assertThat(outcome.response().headers().get("x-ms-request-id")).isEqualTo(arm.served.get(0).requestId());
    }
  }

  @Nested
  class Journal {
    @Test
    void recordsEachRequestWithTheCallersObjectIdButNotTheToken() {
      String payload = Base64.getUrlEncoder().withoutPadding()
          .encodeToString("{\"oid\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));
      String header = Base64.getUrlEncoder().withoutPadding()
          .encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
      get("/subscriptions/s1?api-version=1", "Authorization", "Bearer " + header + "." + payload + ".s");
      JournalEntry entry = journal.entries().get(0);
      assertThat(entry.method()).isEqualTo("GET");
      assertThat(entry.path()).isEqualTo("/subscriptions/s1");
      assertThat(entry.query()).isEqualTo("api-version=1");
      assertThat(entry.status()).isEqualTo(200);
      assertThat(entry.surface()).isEqualTo("arm");
      assertThat(entry.callerObjectId()).isEqualTo("o-1");
      assertThat(entry.toString()).doesNotContain(payload);
    }
  }

  @Nested
  class Hazards_ {
    @Test
    void throttlingAnswers429WithAnIntegerRetryAfterInTheSurfacesEnvelope() {
      context.hazards(Hazards.none().withThrottleRps(2));
      assertThat(get("/subscriptions/s").response().status()).isEqualTo(200);
      assertThat(get("/subscriptions/s").response().status()).isEqualTo(200);
      var throttled = get("/subscriptions/s");
      assertThat(throttled.response().status()).isEqualTo(429);
      assertThat(Integer.parseInt(throttled.response().headers().get("Retry-After"))).isGreaterThanOrEqualTo(1);
      assertThat(body(throttled)).contains("TooManyRequests").contains("\"surface\":\"arm\"");
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      assertThat(get("/subscriptions/s").response().status()).isEqualTo(200);
    }

    @Test
    void faultsAnswer503OrResetTheConnection() {
      context.hazards(Hazards.none().withFaultRate(1.0));
      randomValue = 0.7;
      var failed = get("/subscriptions/s");
      assertThat(failed.response().status()).isEqualTo(503);
      assertThat(body(failed)).contains("ServiceUnavailable");
      randomValue = 0.2;
      assertThat(get("/subscriptions/s").reset()).isTrue();
      assertThat(journal.entries().get(1).status()).isZero();
    }

    @Test
    void latencyIsAddedToServedRequests() {
      context.hazards(Hazards.none().withLatency(Duration.ofMillis(250)));
      assertThat(get("/subscriptions/s").delayMs()).isEqualTo(250);
    }

    @Test
    void surfacesNotSubjectToHazardsAreNeverThrottledOrFaulted() {
      context.hazards(Hazards.none().withFaultRate(1.0).withThrottleRps(0.001));
      randomValue = 0.0;
      assertThat(get("/_emulator/journal").response().status()).isEqualTo(200);
      assertThat(get("/_emulator/journal").response().status()).isEqualTo(200);
    }
  }

  @Nested
  class FaultRules_ {
    @Test
    void aStatusRuleFailsExactlyTheNextNMatchingRequests() {
      rules.add(new FaultRule("GET", "^/subscriptions/.*/x$", FaultRule.Kind.STATUS, 503, 2, Duration.ZERO, 2));
      assertThat(get("/subscriptions/s/other").response().status()).isEqualTo(200);
      var first = get("/subscriptions/s/x");
      assertThat(first.response().status()).isEqualTo(503);
      assertThat(first.response().headers()).containsEntry("Retry-After", "2");
      assertThat(get("/subscriptions/s/x").response().status()).isEqualTo(503);
      assertThat(get("/subscriptions/s/x").response().status()).isEqualTo(200);
    }

    @Test
    void resetAndLatencyRulesCountDownToo() {
      rules.add(FaultRule.reset(null, "/subscriptions", 1));
      rules.add(FaultRule.latency(null, "/subscriptions", Duration.ofMillis(40), 1));
      assertThat(get("/subscriptions/s").reset()).isTrue();
      var slow = get("/subscriptions/s");
      assertThat(slow.delayMs()).isEqualTo(40);
      assertThat(slow.response().status()).isEqualTo(200);
      assertThat(get("/subscriptions/s").delayMs()).isZero();
    }

    @Test
    void theAdminApiIsExemptFromFaultRules() {
      rules.add(FaultRule.status(null, ".*", 500, 1));
      assertThat(get("/_emulator/journal").response().status()).isEqualTo(200);
      assertThat(get("/subscriptions/s").response().status()).isEqualTo(500);
    }
  }
}
