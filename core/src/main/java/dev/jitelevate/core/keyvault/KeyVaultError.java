package dev.jitelevate.core.keyvault;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.json.CoreJson;
import java.util.Optional;

/**
 * A Key Vault error read from the SDK's exception: status, {@code error.code}, {@code error.innererror.code},
 * the first line of the message and the {@code x-ms-request-id}. Key Vault messages never contain values.
 */
record KeyVaultError(int status, String code, String innerCode, String message, String requestId) {
  private static final ObjectMapper MAPPER = CoreJson.MAPPER;

  static KeyVaultError of(HttpResponseException e) {
    HttpResponse response = e.getResponse();
    int status = response == null ? 0 : response.getStatusCode();
    String requestId = response == null ? null : response.getHeaderValue("x-ms-request-id");
    JsonNode error = body(e).path("error");
    String message = error.path("message").asText("");
    int newline = message.indexOf('\r') >= 0 ? message.indexOf('\r') : message.indexOf('\n');
    return new KeyVaultError(status, text(error.path("code")), text(error.path("innererror").path("code")),
        newline >= 0 ? message.substring(0, newline) : message, requestId);
  }

  /** The most specific code: the inner one ({@code ForbiddenByRbac}, {@code SecretDisabled}) when present. */
  String specificCode() {
    return innerCode != null ? innerCode : code;
  }

  boolean is(int expectedStatus, String anyCode) {
    return status == expectedStatus && (anyCode.equals(code) || anyCode.equals(innerCode));
  }

  /** An {@link ElevationException} that says what was attempted and keeps the code and request id. */
  ElevationException toException(String attempted, HttpResponseException cause) {
    String codes = code == null ? "" : " " + code + (innerCode == null ? "" : "/" + innerCode);
    String text = attempted + " failed: HTTP " + status + codes + (message.isEmpty() ? "" : ": " + message)
        + Optional.ofNullable(requestId).map(id -> " (x-ms-request-id " + id + ")").orElse("") + advice();
    return new ElevationException(kind(), text, specificCode(), requestId, status, cause);
  }

  private String advice() {
    if (status == 404 && "VaultNotFound".equals(code)) {
      return ". Check the vault name or URL and the cloud profile.";
    }
    if (status == 403 && "ForbiddenByRbac".equals(innerCode)) {
      return ". The identity lacks the Key Vault data action: elevate to a role such as Key Vault Secrets Officer on the vault.";
    }
    if (status == 403) {
      return ". Key Vault refused for a reason other than RBAC (firewall, access policies, disabled secret).";
    }
    return "";
  }

  private FailureKind kind() {
    if (status == 401) {
      return FailureKind.AUTHENTICATION;
    }
    if (status == 403) {
      return FailureKind.NOT_AUTHORIZED;
    }
    if (status == 429 || status >= 500) {
      return FailureKind.SERVICE_UNAVAILABLE;
    }
    return FailureKind.OPERATION_FAILED;
  }

  private static JsonNode body(HttpResponseException e) {
    try {
      Object value = e.getValue();
      if (value instanceof BinaryData data) {
        return MAPPER.readTree(data.toString());
      }
      if (value instanceof String text) {
        return MAPPER.readTree(text);
      }
      if (value != null) {
        return MAPPER.valueToTree(value);
      }
      String message = String.valueOf(e.getMessage());
      int brace = message.indexOf('{');
      return brace < 0 ? MAPPER.createObjectNode() : MAPPER.readTree(message.substring(brace, message.lastIndexOf('}') + 1));
    } catch (Exception unreadable) {
      return MAPPER.createObjectNode();
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
