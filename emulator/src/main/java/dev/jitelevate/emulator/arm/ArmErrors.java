package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.AuthContextRule;
import java.util.List;

/** The real ARM error codes and message texts the surface answers with. */
final class ArmErrors {
  private ArmErrors() {}

  static ArmException badRequest(String code, String message) {
    return new ArmException(400, code, message);
  }

  static ArmException missingAuthorization() {
    return new ArmException(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
  }

  static ArmException invalidToken() {
    return new ArmException(401, "InvalidAuthenticationToken", "The access token is invalid.");
  }

  static ArmException expiredToken(String expiry, String now) {
    return new ArmException(401, "ExpiredAuthenticationToken",
        "The access token expiry UTC time '" + expiry + "' is earlier than current UTC time '" + now + "'.");
  }

  static ArmException wrongAudience(String audience, List<String> allowed) {
    return new ArmException(401, "InvalidAuthenticationTokenAudience",
        "The access token has been obtained for wrong audience or resource '" + audience
            + "'. It should exactly match with one of the allowed audiences '" + String.join("','", allowed) + "'.");
  }

  static ArmException missingApiVersion() {
    return badRequest("MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");
  }

  static ArmException invalidApiVersion(String version, List<String> supported) {
    return badRequest("InvalidApiVersionParameter",
        "The api-version '" + version + "' is invalid. The supported versions are '" + String.join(",", supported) + "'.");
  }

  static ArmException subscriptionNotFound(String id) {
    return new ArmException(404, "SubscriptionNotFound", "The subscription '" + id + "' could not be found.");
  }

  static ArmException resourceGroupNotFound(String name) {
    return new ArmException(404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be found.");
  }

  static ArmException managementGroupNotFound(String name) {
    return new ArmException(404, "ManagementGroupNotFound", "Management group '" + name + "' could not be found.");
  }

  static ArmException invalidResourceId(String id) {
    return badRequest("InvalidResourceId", "The resource id '" + id + "' is invalid. Use a scope such as "
        + "/subscriptions/{id}, /subscriptions/{id}/resourceGroups/{name}, a resource id, or "
        + "/providers/Microsoft.Management/managementGroups/{id}.");
  }

  static ArmException invalidSubscriptionId(String id) {
    return badRequest("InvalidSubscriptionId",
        "The provided subscription identifier '" + id + "' is malformed or invalid.");
  }

  static ArmException invalidContent(String detail) {
    return badRequest("InvalidRequestContent",
        "The request content was invalid and could not be deserialized: '" + detail + "'.");
  }

  static ArmException missingProperty(String property, String path) {
    return invalidContent("Required property '" + property + "' not found in JSON. Path '" + path + "'");
  }

  static ArmException authorizationFailed(String client, String objectId, String action, String scope) {
    return new ArmException(403, "AuthorizationFailed", "The client '" + client + "' with object id '" + objectId
        + "' does not have authorization to perform action '" + action + "' over scope '" + scope
        + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
  }

  static ArmException roleDefinitionDoesNotExist(String id) {
    return badRequest("RoleDefinitionDoesNotExist", "The specified role definition with ID '" + id + "' does not exist.");
  }

  /**
   * Refuses a self-activation whose token lacks the authentication context the policy requires, as ARM does:
   * {@code RoleAssignmentRequestAcrsValidationFailed}, the message being the claims request to sign in again with.
   */
  static void throwAcrsValidationFailed(String claimValue) {
    throw badRequest(AuthContextRule.ERROR_CODE, AuthContextRule.refusalMessage(claimValue));
  }

  static ArmException notFound(String code, String message) {
    return new ArmException(404, code, message);
  }
}
