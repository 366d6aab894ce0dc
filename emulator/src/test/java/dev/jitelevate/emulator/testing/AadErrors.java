package dev.jitelevate.emulator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on the emulator's Entra error answers, which carry every field the real token endpoint sends. */
public final class AadErrors {
  private AadErrors() {}

  /** The response is Entra's error shape with the status, OAuth error and AADSTS code. */
  public static void assertAadError(EmulatorHttp.Response response, int status, String error, int code) {
    assertThat(response.status()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("error_description").asText()).startsWith("AADSTS" + code + ":");
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(code);
    assertThat(body.path("timestamp").asText()).isNotBlank();
    assertThat(body.path("trace_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(body.path("correlation_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(body.path("error_uri").asText()).contains("code=" + code);
  }
}
