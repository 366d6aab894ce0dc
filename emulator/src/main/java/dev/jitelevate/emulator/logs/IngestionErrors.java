package dev.jitelevate.emulator.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;

/** The Logs Ingestion API's error envelope {@code {"error":{"code","message"}}} and the codes it answers with. */
final class IngestionErrors {
  static final long MAX_BODY_BYTES = 1024 * 1024;

  private IngestionErrors() {}

  static EmulatorResponse of(int status, String code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return EmulatorResponse.json(status, body);
  }

  static EmulatorResponse missingToken() {
    return of(401, "InvalidAuthenticationToken", "Authentication token is missing. Send a bearer token for the "
        + "audience https://monitor.azure.com.");
  }

  static EmulatorResponse invalidToken() {
    return of(401, "InvalidAuthenticationToken", "The authentication token is malformed, expired or not issued "
        + "for the audience https://monitor.azure.com.");
  }

  static EmulatorResponse forbidden(String immutableId) {
    return of(403, "OperationFailed", "The authentication token provided does not have access to ingest data for "
        + "the data collection rule with immutable Id '" + immutableId + "'.");
  }

  static EmulatorResponse ruleNotFound(String immutableId) {
    return of(404, "NotFound", "Data collection rule with immutable Id '" + immutableId + "' not found.");
  }

  static EmulatorResponse streamNotFound(String stream, String immutableId) {
    return of(404, "InvalidStream", "Stream '" + stream + "' is not declared in the data collection rule with "
        + "immutable Id '" + immutableId + "'.");
  }

  static EmulatorResponse apiVersion(String given) {
    return of(400, "InvalidApiVersion", "The api-version '" + given + "' is not supported. Supported versions: "
        + "2021-11-01-preview, 2023-01-01.");
  }

  static EmulatorResponse tooLarge(long bytes) {
    return of(413, "ContentLengthLimitExceeded", "Maximum allowed content length: " + MAX_BODY_BYTES
        + " bytes (1 MB). Provided content length: " + bytes + " bytes.");
  }

  static EmulatorResponse invalidPayload(String why) {
    return of(400, "InvalidPayload", why);
  }

  static EmulatorResponse notFound(String path) {
    return of(404, "NotFound", "No Logs Ingestion API operation matches " + path + ".");
  }
}
