package dev.jitelevate.emulator.admin;

import static dev.jitelevate.emulator.testing.DemoTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdminApiIT extends PerClassEmulator {
  @BeforeEach
  void reset() throws IOException {
    emulator.loadScenario(Scenario.demo());
    assertThat(http.postJson("_emulator/reset", "").status()).isEqualTo(200);
  }

  private static void assertBadRequest(EmulatorHttp.Response response, String messagePart) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/error/code").asText()).isEqualTo("BadRequest");
    assertThat(response.json().at("/error/message").asText()).contains(messagePart);
  }

  @Nested
  class LeakDetectorAndJournal {
    @Test
    void listsNoActiveAssignmentsAtStart() throws IOException {
      EmulatorHttp.Response response = http.get("_emulator/assignments");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().path("value").isArray()).isTrue();
      assertThat(response.json().path("value")).allSatisfy(a -> assertThat(a.path("fromScenario").asBoolean()).isTrue());
    }

    @Test
    void theJournalCountsCallsAndCanBeCleared() throws IOException {
      http.get("_github/.well-known/jwks");
      JsonNode journal = http.get("_emulator/journal").json().path("value");
      assertThat(journal).anySatisfy(e -> {
        assertThat(e.path("path").asText()).isEqualTo("/_github/.well-known/jwks");
        assertThat(e.path("status").asInt()).isEqualTo(200);
        assertThat(e.path("surface").asText()).isEqualTo("github-oidc");
        assertThat(e.has("durationMs")).isTrue();
      });
      assertThat(http.delete("_emulator/journal").status()).isEqualTo(204);
      assertThat(emulator.journal()).extracting(e -> e.path()).containsExactly("/_emulator/journal");
    }
  }

  @Nested
  class Scenarios {
    @Test
    void loadingAScenarioReplacesTheTenant() throws IOException {
      String body = "{\"tenant\":{\"id\":\"00000000-0000-4000-8000-0000000000aa\",\"domain\":\"other.onmicrosoft.com\"}}";
      assertThat(http.postJson("_emulator/scenario", body).status()).isEqualTo(200);
      assertThat(emulator.tenantId()).isEqualTo("00000000-0000-4000-8000-0000000000aa");
    }

    @Test
    void malformedOrInvalidScenariosAre400AndKeepThePreviousOne() throws IOException {
      assertBadRequest(http.postJson("_emulator/scenario", "{not json"), "not valid JSON");
      assertBadRequest(http.postJson("_emulator/scenario", "{\"users\":[{\"displayName\":\"x\"}]}"), "without 'id'");
      assertThat(emulator.tenantId()).isEqualTo(TENANT);
    }
  }

  @Nested
  class Approvals {
    @Test
    void listsPendingApprovals() throws IOException {
      assertThat(http.get("_emulator/approvals").json().path("value").isArray()).isTrue();
    }

    @Test
    void decidingAnUnknownApprovalIs404AndABadDecisionIs400() throws IOException {
      assertThat(http.postJson("_emulator/approvals/nope", "{\"decision\":\"Approve\",\"approverId\":\"b\"}").status())
          .isEqualTo(404);
      assertBadRequest(http.postJson("_emulator/approvals/nope", "{\"decision\":\"Maybe\",\"approverId\":\"b\"}"),
          "Approve or Deny");
      assertBadRequest(http.postJson("_emulator/approvals/nope", "{\"decision\":\"Deny\"}"), "approverId");
    }
  }

  @Nested
  class HazardsAndFaults {
    @Test
    void hazardsAreReadAndChangedWithIsoDurations() throws IOException {
      EmulatorHttp.Response changed = http.putJson("_emulator/hazards", "{\"propagationDelay\":\"PT2S\",\"throttleRps\":50}");
      assertThat(changed.status()).isEqualTo(200);
      assertThat(changed.json().path("propagationDelay").asText()).isEqualTo("PT2S");
      assertThat(emulator.hazards().propagationDelay()).isEqualTo(Duration.ofSeconds(2));
      assertThat(emulator.hazards().throttleRps()).isEqualTo(50);
      assertThat(http.get("_emulator/hazards").json().path("minimumActiveDuration").asText()).isEqualTo("PT5M");
      assertBadRequest(http.putJson("_emulator/hazards", "{\"latency\":\"slow\"}"), "latency");
      assertBadRequest(http.putJson("_emulator/hazards", "{\"faultRate\":3}"), "faultRate");
      http.putJson("_emulator/hazards", "{\"propagationDelay\":\"PT0S\",\"throttleRps\":0}");
    }

    @Test
    void anInjectedFaultHitsTheNextMatchingRequests() throws IOException {
      EmulatorHttp.Response armed = http.postJson("_emulator/faults",
          "{\"method\":\"GET\",\"pathRegex\":\"jwks$\",\"kind\":\"STATUS\",\"status\":503,\"retryAfterSeconds\":3,\"count\":1}");
      assertThat(armed.status()).isEqualTo(201);
      EmulatorHttp.Response failed = http.get("_github/.well-known/jwks");
      assertThat(failed.status()).isEqualTo(503);
      assertThat(failed.header("Retry-After")).isEqualTo("3");
      assertThat(http.get("_github/.well-known/jwks").status()).isEqualTo(200);
      assertBadRequest(http.postJson("_emulator/faults", "{\"kind\":\"EXPLODE\"}"), "STATUS, RESET or LATENCY");
    }
  }

  @Nested
  class ClockProfileAndGitHub {
    @Test
    void theClockAdvances() throws IOException {
      EmulatorHttp.Response response = http.postJson("_emulator/clock/advance", "{\"seconds\":300}");
      assertThat(response.json().path("offsetSeconds").asLong()).isEqualTo(300);
      assertBadRequest(http.postJson("_emulator/clock/advance", "{\"seconds\":-1}"), "seconds");
    }

    @Test
    void theProfileIsServed() throws IOException {
      JsonNode profile = http.get("_emulator/profile").json();
      assertThat(profile.path("authorityHost").asText()).isEqualTo(emulator.baseUrl());
    }

    @Test
    void theGitHubJobContextCanBeChanged() throws IOException {
      EmulatorHttp.Response response = http.putJson("_emulator/github/context", "{\"environment\":\"production\"}");
      assertThat(response.json().path("subject").asText()).isEqualTo("repo:contoso/payments:environment:production");
      assertThat(emulator.github().context().environment()).isEqualTo("production");
      assertBadRequest(http.putJson("_emulator/github/context", "{\"repository\":\"no-slash\"}"), "owner/name");
    }

    @Test
    void theReusableWorkflowClaimsCanBeSwitchedBetweenJobs() throws IOException {
      String broker = "contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1";
      EmulatorHttp.Response inBroker = http.putJson("_emulator/github/oidc", "{\"jobWorkflowRef\":\"" + broker
          + "\",\"jobWorkflowSha\":\"" + "b".repeat(40) + "\",\"subjectClaimKeys\":[\"repo\",\"job_workflow_ref\"]}");
      assertThat(inBroker.status()).isEqualTo(200);
      assertThat(claims(emulator.github().idToken("api://AzureADTokenExchange")).path("sub").asText())
          .isEqualTo("repo:contoso/payments:job_workflow_ref:" + broker);

      EmulatorHttp.Response inCaller = http.putJson("_emulator/github/oidc", "{\"jobWorkflowRef\":null}");
      assertThat(inCaller.status()).as(inCaller.body()).isEqualTo(200);
      assertThat(inCaller.json().hasNonNull("jobWorkflowRef")).isFalse();
      assertThat(inCaller.json().path("subjectClaimKeys").size()).as(inCaller.body()).isEqualTo(2);
      assertThat(claims(emulator.github().idToken("api://AzureADTokenExchange")).path("job_workflow_ref").asText())
          .doesNotContain("jit-broker.yml");
      assertBadRequest(http.putJson("_emulator/github/oidc", "{\"subjectClaimKeys\":\"repo\"}"), "array");
      assertBadRequest(http.putJson("_emulator/github/oidc", "{\"jobWorkflowSha\":\"abc\"}"), "jobWorkflowRef");
    }

    private JsonNode claims(String jwt) {
      return dev.jitelevate.emulator.kernel.Json.parse(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void unknownAdminPathsAre404Json() throws IOException {
      EmulatorHttp.Response response = http.get("_emulator/nothing");
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().at("/error/code").asText()).isEqualTo("NotFound");
    }
  }
}
