package dev.jitelevate.emulator.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyVaultSurfaceTest {
  private static final String KV = "/kv/kv-jit-demo/secrets";
  private static final String V = "?api-version=7.5";
  private final KvBench bench = new KvBench();

  private static String text(EmulatorResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String errorCode(EmulatorResponse response) {
    return response.bodyJson().path("error").path("code").asText();
  }

  private static String version(JsonNode bundle) {
    String id = bundle.get("id").asText();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  @Nested
  class ChallengeBasedAuthentication {
    @Test
    void aRequestWithoutBearerGetsA401WithTheChallengeTheSdkParses() {
      EmulatorResponse response = bench.send("PUT", KV + "/x" + V, null, null);

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.headers().get("WWW-Authenticate")).isEqualTo(
          "Bearer authorization=\"https://127.0.0.1:8443/" + KvBench.TENANT + "\", resource=\"https://vault.azure.net\"");
      assertThat(text(response)).isEqualTo(
          "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"AKV10000: Request is missing a Bearer or PoP token.\"}}");
    }

    @Test
    void anInvalidTokenGetsA401WithTheChallengeToo() {
      EmulatorResponse response = bench.send("GET", KV + "/db-password" + V, "forged", null);

      assertThat(response.status()).isEqualTo(401);
      assertThat(errorCode(response)).isEqualTo("Unauthorized");
      assertThat(response.headers()).containsKey("WWW-Authenticate");
    }

    @Test
    void theChallengeComesBeforeTheApiVersionCheck() {
      assertThat(bench.send("GET", KV + "/db-password?api-version=1.0", null, null).status()).isEqualTo(401);
    }
  }

  @Nested
  class ApiVersions {
    @Test
    void versionsSevenFourToSevenSixAnd20250701AreServed() {
      for (String version : new String[] {"7.4", "7.5", "7.6", "2025-07-01"}) {
        assertThat(bench.officer("GET", KV + "/db-password?api-version=" + version, null).status()).isEqualTo(200);
      }
    }

    @Test
    void anotherVersionIsABadParameterNamingTheSupportedOnes() {
      EmulatorResponse response = bench.officer("GET", KV + "/db-password?api-version=2016-10-01", null);

      assertThat(response.status()).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("BadParameter");
      assertThat(text(response)).contains("2016-10-01").contains("7.4, 7.5, 7.6, 2025-07-01");
    }

    @Test
    void aMissingVersionIsABadParameter() {
      assertThat(errorCode(bench.officer("GET", KV + "/db-password", null))).isEqualTo("BadParameter");
    }
  }

  @Nested
  class Rbac {
    @Test
    void aCallerWithoutTheDataActionGetsForbiddenByRbacInTheServiceWording() {
      EmulatorResponse response = bench.send("GET", KV + "/db-password" + V, KvBench.READER_TOKEN, null);

      assertThat(response.status()).isEqualTo(403);
      JsonNode error = response.bodyJson().get("error");
      assertThat(error.get("code").asText()).isEqualTo("Forbidden");
      assertThat(error.path("innererror").path("code").asText()).isEqualTo("ForbiddenByRbac");
      assertThat(error.get("message").asText())
          .startsWith("Caller is not authorized to perform action on resource.\r\nIf role assignments")
          .contains("Caller: appid=" + KvBench.READER.appId() + ";oid=" + KvBench.READER.objectId()
              + ";iss=https://sts.windows.net/" + KvBench.TENANT + "/\r\n")
          .contains("Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\n")
          .contains("Resource: '/subscriptions/" + KvBench.SUB
              + "/resourcegroups/rg-app/providers/microsoft.keyvault/vaults/kv-jit-demo/secrets/db-password'\r\n")
          .endsWith("Vault: kv-jit-demo;location=westeurope\r\n");
    }

    @Test
    void eachOperationAsksForItsOwnDataActionAtTheVaultScope() {
      bench.officer("GET", KV + "/db-password" + V, null);
      bench.officer("PUT", KV + "/db-password" + V, "{\"value\":\"v\"}");
      bench.officer("GET", KV + "/db-password/versions" + V, null);
      bench.officer("GET", KV + V, null);

      String scope = "/subscriptions/" + KvBench.SUB + "/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-jit-demo";
      assertThat(bench.accessChecks).containsExactly(
          scope + " Microsoft.KeyVault/vaults/secrets/getSecret/action",
          scope + " Microsoft.KeyVault/vaults/secrets/setSecret/action",
          scope + " Microsoft.KeyVault/vaults/secrets/readMetadata/action",
          scope + " Microsoft.KeyVault/vaults/secrets/readMetadata/action");
    }

    @Test
    void readMetadataAloneAllowsListingVersionsButNotReadingValues() {
      bench.grants.add(KvBench.READER.objectId() + " " + DataActions.READ_METADATA);

      assertThat(bench.send("GET", KV + "/db-password/versions" + V, KvBench.READER_TOKEN, null).status()).isEqualTo(200);
      assertThat(bench.send("GET", KV + "/db-password" + V, KvBench.READER_TOKEN, null).status()).isEqualTo(403);
    }
  }

  @Nested
  class SetAndGet {
    @Test
    void everySetCreatesANewVersionWithA32HexId() {
      JsonNode first = bench.ok("PUT", KV + "/rotated" + V, "{\"value\":\"one\"}");
      JsonNode second = bench.ok("PUT", KV + "/rotated" + V, "{\"value\":\"two\"}");

      assertThat(version(first)).matches("[0-9a-f]{32}").isNotEqualTo(version(second));
      assertThat(first.get("id").asText()).isEqualTo(KvBench.BASE + "kv/kv-jit-demo/secrets/rotated/" + version(first));
      assertThat(bench.ok("GET", KV + "/rotated" + V, null).get("value").asText()).isEqualTo("two");
      assertThat(bench.ok("GET", KV + "/rotated/" + version(first) + V, null).get("value").asText()).isEqualTo("one");
    }

    @Test
    void setKeepsContentTypeTagsAndAttributesWithEpochSecondTimes() {
      JsonNode bundle = bench.ok("PUT", KV + "/full" + V, "{\"value\":\"v\",\"contentType\":\"text/plain\","
          + "\"tags\":{\"jit-elevate-run\":\"42\"},\"attributes\":{\"enabled\":true,\"nbf\":1767225600,\"exp\":1798761600}}");

      assertThat(bundle.get("contentType").asText()).isEqualTo("text/plain");
      assertThat(bundle.at("/tags/jit-elevate-run").asText()).isEqualTo("42");
      JsonNode attributes = bundle.get("attributes");
      assertThat(attributes.get("nbf").asLong()).isEqualTo(1767225600L);
      assertThat(attributes.get("exp").asLong()).isEqualTo(1798761600L);
      assertThat(attributes.get("created").isIntegralNumber()).isTrue();
      assertThat(attributes.get("created").asLong()).isEqualTo(1767225600L);
      assertThat(attributes.get("recoveryLevel").asText()).isEqualTo("Recoverable+Purgeable");
    }

    @Test
    void theLatestVersionIsServedWithAndWithoutATrailingSlash() {
      assertThat(bench.ok("GET", KV + "/db-password" + V, null).get("value").asText()).isEqualTo("seed-db-value");
      assertThat(bench.ok("GET", KV + "/db-password/" + V, null).get("value").asText()).isEqualTo("seed-db-value");
    }

    @Test
    void namesAreCaseInsensitive() {
      assertThat(bench.ok("GET", KV + "/DB-Password" + V, null).get("id").asText()).contains("/secrets/db-password/");
    }

    @Test
    void aMissingSecretIsSecretNotFoundWithTheServiceMessage() {
      EmulatorResponse response = bench.officer("GET", KV + "/nope/" + V, null);

      assertThat(response.status()).isEqualTo(404);
      assertThat(errorCode(response)).isEqualTo("SecretNotFound");
      assertThat(response.bodyJson().at("/error/message").asText()).startsWith(
          "A secret with (name/id) nope was not found in this key vault. If you recently deleted this secret");
    }

    @Test
    void aMissingVersionIsSecretNotFound() {
      assertThat(bench.officer("GET", KV + "/db-password/0123456789abcdef0123456789abcdef" + V, null).status()).isEqualTo(404);
    }

    @Test
    void aDisabledVersionCannotBeRead() {
      JsonNode bundle = bench.ok("PUT", KV + "/off" + V, "{\"value\":\"v\",\"attributes\":{\"enabled\":false}}");

      EmulatorResponse response = bench.officer("GET", KV + "/off/" + version(bundle) + V, null);

      assertThat(response.status()).isEqualTo(403);
      assertThat(errorCode(response)).isEqualTo("Forbidden");
      assertThat(response.bodyJson().at("/error/innererror/code").asText()).isEqualTo("SecretDisabled");
      assertThat(response.bodyJson().at("/error/message").asText()).isEqualTo("Operation get is not allowed on a disabled secret.");
    }
  }

  @Nested
  class BadInput {
    @Test
    void anInvalidNameIsABadParameter() {
      for (String name : new String[] {"under_score", "dot.ted", "x".repeat(128)}) {
        EmulatorResponse response = bench.officer("PUT", KV + "/" + name + V, "{\"value\":\"v\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("BadParameter");
      }
    }

    @Test
    void malformedJsonIsABadParameterNotAStackTrace() {
      EmulatorResponse response = bench.officer("PUT", KV + "/x" + V, "{\"value\":");

      assertThat(response.status()).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("BadParameter");
      assertThat(text(response)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aSetWithoutValueIsABadParameter() {
      assertThat(errorCode(bench.officer("PUT", KV + "/x" + V, "{\"contentType\":\"a\"}"))).isEqualTo("BadParameter");
    }

    @Test
    void moreThanFifteenTagsAreABadParameter() {
      StringBuilder tags = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        tags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"v\"");
      }
      assertThat(errorCode(bench.officer("PUT", KV + "/x" + V, "{\"value\":\"v\",\"tags\":{" + tags + "}}")))
          .isEqualTo("BadParameter");
    }

    @Test
    void anUnknownVaultIsVaultNotFound() {
      EmulatorResponse response = bench.officer("GET", "/kv/no-such-vault/secrets/x" + V, null);

      assertThat(response.status()).isEqualTo(404);
      assertThat(errorCode(response)).isEqualTo("VaultNotFound");
    }

    @Test
    void anErrorUsesTheLowerCaseInnererrorEnvelope() {
      assertThat(text(bench.surface.error(429, "Throttled", "Too many requests")))
          .isEqualTo("{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests\"}}");
      assertThat(text(KeyVaultErrors.disabled("get"))).contains("\"innererror\":{\"code\":\"SecretDisabled\"}");
    }
  }

  @Nested
  class Update {
    @Test
    void anUpdateChangesAttributesAndTagsButNeverReturnsOrChangesTheValue() {
      String id = version(bench.ok("PUT", KV + "/u" + V, "{\"value\":\"keep-me\"}"));

      JsonNode updated = bench.ok("PATCH", KV + "/u/" + id + V,
          "{\"contentType\":\"ct\",\"tags\":{\"a\":\"b\"},\"attributes\":{\"enabled\":false},\"value\":\"ignored\"}");

      assertThat(updated.has("value")).isFalse();
      assertThat(updated.get("contentType").asText()).isEqualTo("ct");
      assertThat(updated.at("/attributes/enabled").asBoolean()).isFalse();
      bench.ok("PATCH", KV + "/u/" + id + V, "{\"attributes\":{\"enabled\":true}}");
      assertThat(bench.ok("GET", KV + "/u/" + id + V, null).get("value").asText()).isEqualTo("keep-me");
    }

    @Test
    void updatingAMissingVersionIsSecretNotFound() {
      assertThat(bench.officer("PATCH", KV + "/db-password/0123456789abcdef0123456789abcdef" + V, "{}").status())
          .isEqualTo(404);
    }
  }

  @Nested
  class Paging {
    @Test
    void versionsArePagedWithANextLinkCarryingASkiptoken() {
      bench.ok("PUT", KV + "/paged" + V, "{\"value\":\"1\"}");
      bench.ok("PUT", KV + "/paged" + V, "{\"value\":\"2\"}");
      bench.ok("PUT", KV + "/paged" + V, "{\"value\":\"3\"}");

      JsonNode first = bench.ok("GET", KV + "/paged/versions" + V + "&maxresults=2", null);
      String next = first.get("nextLink").asText();
      JsonNode second = bench.ok("GET", next.substring(KvBench.BASE.length() - 1), null);

      assertThat(first.get("value")).hasSize(2);
      assertThat(first.at("/value/0").has("value")).isFalse();
      assertThat(next).startsWith(KvBench.BASE + "kv/kv-jit-demo/secrets/paged/versions?api-version=7.5&$skiptoken=");
      assertThat(second.get("value")).hasSize(1);
      assertThat(second.get("nextLink").isNull()).isTrue();
    }

    @Test
    void maxresultsOutsideOneToTwentyFiveIsABadParameter() {
      assertThat(errorCode(bench.officer("GET", KV + "/db-password/versions" + V + "&maxresults=26", null))).isEqualTo("BadParameter");
      assertThat(errorCode(bench.officer("GET", KV + "/db-password/versions" + V + "&maxresults=0", null))).isEqualTo("BadParameter");
    }

    @Test
    void versionsOfAnUnknownSecretAreAnEmptyList() {
      assertThat(bench.ok("GET", KV + "/never-set/versions" + V, null).get("value")).isEmpty();
    }

    @Test
    void theSecretListShowsIdsWithoutVersionsOrValues() {
      JsonNode page = bench.ok("GET", KV + V + "&maxresults=1", null);

      assertThat(page.get("value")).hasSize(1);
      assertThat(page.at("/value/0/id").asText()).isEqualTo(KvBench.BASE + "kv/kv-jit-demo/secrets/api-key");
      assertThat(page.at("/value/0").has("value")).isFalse();
      assertThat(page.get("nextLink").asText()).contains("$skiptoken=");
    }
  }

  @Nested
  class SoftDelete {
    @Test
    void aDeletedSecretIsGoneRecoverableAndItsNameReservedUntilPurged() {
      JsonNode deleted = bench.ok("DELETE", KV + "/api-key" + V, null);

      assertThat(deleted.get("recoveryId").asText()).isEqualTo(KvBench.BASE + "kv/kv-jit-demo/deletedsecrets/api-key");
      assertThat(deleted.get("scheduledPurgeDate").asLong() - deleted.get("deletedDate").asLong())
          .isEqualTo(Duration.ofDays(90).toSeconds());
      assertThat(deleted.has("value")).isFalse();
      assertThat(bench.officer("GET", KV + "/api-key" + V, null).status()).isEqualTo(404);
      assertThat(bench.officer("PUT", KV + "/api-key" + V, "{\"value\":\"v\"}").status()).isEqualTo(409);
      assertThat(bench.ok("GET", "/kv/kv-jit-demo/deletedsecrets/api-key" + V, null).get("recoveryId")).isNotNull();

      bench.ok("POST", "/kv/kv-jit-demo/deletedsecrets/api-key/recover" + V, null);
      assertThat(bench.ok("GET", KV + "/api-key" + V, null).get("value").asText()).isEqualTo("seed-api-value");
    }

    @Test
    void aPurgedSecretIsGoneForGood() {
      bench.ok("DELETE", KV + "/api-key" + V, null);

      assertThat(bench.officer("DELETE", "/kv/kv-jit-demo/deletedsecrets/api-key" + V, null).status()).isEqualTo(204);
      assertThat(errorCode(bench.officer("GET", "/kv/kv-jit-demo/deletedsecrets/api-key" + V, null))).isEqualTo("SecretNotFound");
      assertThat(bench.officer("PUT", KV + "/api-key" + V, "{\"value\":\"v\"}").status()).isEqualTo(200);
    }
  }
}
