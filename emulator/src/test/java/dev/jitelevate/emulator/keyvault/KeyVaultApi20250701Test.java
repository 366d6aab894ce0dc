package dev.jitelevate.emulator.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import org.junit.jupiter.api.Test;

/**
 * Api-version 2025-07-01 of the secrets data plane (azure-rest-api-specs
 * {@code specification/keyvault/data-plane/Microsoft.KeyVault/stable/2025-07-01/secrets.json}): the operations
 * keep 7.6's shapes; Get Secret gains the optional {@code outContentType} query parameter.
 */
class KeyVaultApi20250701Test {
  private static final String KV = "/kv/kv-jit-demo/secrets";
  private static final String V = "?api-version=2025-07-01";
  private final KvBench bench = new KvBench();

  private static String version(JsonNode bundle) {
    String id = bundle.get("id").asText();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static String errorCode(EmulatorResponse response) {
    return response.bodyJson().path("error").path("code").asText();
  }

  @Test
  void setGetUpdateAndListVersionsAnswerInTheSameShapesAsSevenSix() {
    JsonNode set = bench.ok("PUT", KV + "/rotated" + V, "{\"value\":\"v1\",\"contentType\":\"text/plain\"}");
    JsonNode got = bench.ok("GET", KV + "/rotated/" + version(set) + V, null);
    JsonNode updated = bench.ok("PATCH", KV + "/rotated/" + version(set) + V, "{\"tags\":{\"rotated\":\"yes\"}}");
    JsonNode versions = bench.ok("GET", KV + "/rotated/versions" + V, null);

    assertThat(got.get("value").asText()).isEqualTo("v1");
    assertThat(got.get("id")).isEqualTo(set.get("id"));
    assertThat(got.get("contentType").asText()).isEqualTo("text/plain");
    assertThat(got.path("attributes").path("recoveryLevel").asText()).isNotEmpty();
    assertThat(updated.path("tags").path("rotated").asText()).isEqualTo("yes");
    assertThat(updated.has("value")).isFalse();
    assertThat(versions.at("/value/0/id")).isEqualTo(set.get("id"));
    assertThat(got.has("previousVersion")).as("previousVersion is for certificate-backed secrets only").isFalse();
  }

  @Test
  void nextLinksKeepTheApiVersionOfTheRequest() {
    for (int i = 0; i < 3; i++) {
      bench.ok("PUT", KV + "/paged" + V, "{\"value\":\"v" + i + "\"}");
    }

    JsonNode first = bench.ok("GET", KV + "/paged/versions" + V + "&maxresults=2", null);

    assertThat(first.get("nextLink").asText()).contains("api-version=2025-07-01&$skiptoken=");
  }

  @Test
  void eitherOutContentTypeOfTheSpecServesAPlainSecretAsStored() {
    for (String type : new String[] {"application/x-pem-file", "application/x-pkcs12"}) {
      JsonNode got = bench.ok("GET", KV + "/api-key" + V + "&outContentType=" + type, null);

      assertThat(got.get("value").asText()).isEqualTo("seed-api-value");
    }
  }

  @Test
  void anotherOutContentTypeIsABadParameterNamingTheAcceptedOnes() {
    EmulatorResponse response = bench.officer("GET", KV + "/api-key" + V + "&outContentType=text/plain", null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("BadParameter");
    assertThat(response.bodyJson().at("/error/message").asText())
        .contains("text/plain").contains("application/x-pkcs12").contains("application/x-pem-file");
  }

  @Test
  void olderVersionsDoNotKnowOutContentTypeAndIgnoreIt() {
    assertThat(bench.officer("GET", KV + "/api-key?api-version=7.6&outContentType=text/plain", null).status())
        .isEqualTo(200);
  }
}
