package dev.jitelevate.emulator.keyvault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;

/**
 * Key Vault's error envelope, {@code {"error":{"code","message","innererror":{"code"}}}} (lower-case
 * {@code innererror}), with the real service's codes and message texts.
 */
final class KeyVaultErrors {
  static final String SUPPORTED_VERSIONS = "7.4, 7.5, 7.6, 2025-07-01";

  private KeyVaultErrors() {}

  static EmulatorResponse of(int status, String code, String message) {
    return of(status, code, message, null);
  }

  static EmulatorResponse of(int status, String code, String message, String innerCode) {
    ObjectNode error = Json.object().put("code", code).put("message", message);
    if (innerCode != null) {
      error.putObject("innererror").put("code", innerCode);
    }
    ObjectNode body = Json.object();
    body.set("error", error);
    return EmulatorResponse.json(status, body);
  }

  static EmulatorResponse missingToken() {
    return of(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
  }

  static EmulatorResponse invalidToken() {
    return of(401, "Unauthorized",
        "AKV10022: Invalid token: the token is malformed, expired, not signed by the tenant or not issued for "
            + "the audience https://vault.azure.net.");
  }

  static EmulatorResponse badParameter(String message) {
    return of(400, "BadParameter", message);
  }

  static EmulatorResponse unsupportedVersion(String given) {
    return badParameter("The specified version (" + given + ") is not recognized. Supported versions: "
        + SUPPORTED_VERSIONS + ".");
  }

  static EmulatorResponse invalidName(String name) {
    return badParameter("The request URI contains an invalid name: " + name
        + ". Secret names may contain only 0-9, a-z, A-Z and -, and have 1 to 127 characters.");
  }

  static EmulatorResponse secretNotFound(String nameOrId) {
    return of(404, "SecretNotFound", "A secret with (name/id) " + nameOrId + " was not found in this key vault. "
        + "If you recently deleted this secret you may be able to recover it using the correct recovery command. "
        + "For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182");
  }

  static EmulatorResponse deletedSecretNotFound(String name) {
    return of(404, "SecretNotFound", "Deleted Secret not found: " + name);
  }

  static EmulatorResponse vaultNotFound(String vault) {
    return of(404, "VaultNotFound", "The vault '" + vault + "' does not exist in this emulator. (The real service "
        + "has no such host: the request fails in DNS before reaching Key Vault.)");
  }

  static EmulatorResponse disabled(String operation) {
    return of(403, "Forbidden", "Operation " + operation + " is not allowed on a disabled secret.", "SecretDisabled");
  }

  static EmulatorResponse deletedButRecoverable(String name) {
    return of(409, "Conflict", "Secret " + name + " is currently in a deleted but recoverable state, and its name "
        + "cannot be reused; in this state, the secret can only be recovered or purged.",
        "ObjectIsDeletedButRecoverable");
  }

  static EmulatorResponse forbiddenByRbac(Caller caller, String issuer, String action, String resource, Vault vault) {
    String message = "Caller is not authorized to perform action on resource.\r\n"
        + "If role assignments, deny assignments or role definitions were changed recently, please observe "
        + "propagation time.\r\n"
        + "Caller: appid=" + caller.appId() + ";oid=" + caller.objectId() + ";iss=" + issuer + "\r\n"
        + "Action: '" + action + "'\r\n"
        + "Resource: '" + resource + "'\r\n"
        + "Assignment: (not found)\r\n"
        + "DenyAssignmentId: null\r\n"
        + "DecisionReason: null \r\n"
        + "Vault: " + vault.name() + ";location=" + vault.location() + "\r\n";
    return of(403, "Forbidden", message, "ForbiddenByRbac");
  }
}
