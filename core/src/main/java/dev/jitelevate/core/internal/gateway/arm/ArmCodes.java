package dev.jitelevate.core.internal.gateway.arm;

import dev.jitelevate.core.ElevationException;
import java.util.Locale;

/** The ARM error codes the surfaces react to themselves. */
final class ArmCodes {
  static final String POLICY_VALIDATION_FAILED = "RoleAssignmentRequestPolicyValidationFailed";
  static final String ACTIVE_DURATION_TOO_SHORT = "ActiveDurationTooShort";
  static final String REQUEST_EXISTS = "RoleAssignmentRequestExists";
  static final String ROLE_ASSIGNMENT_EXISTS = "RoleAssignmentExists";
  static final String PENDING_REQUEST = "PendingRoleAssignmentRequest";
  static final String ASSIGNMENT_DOES_NOT_EXIST = "RoleAssignmentDoesNotExist";
  static final String ROLE_DEFINITION_DOES_NOT_EXIST = "RoleDefinitionDoesNotExist";

  private ArmCodes() {}

  /** Whether the failure carries one of the codes (case-insensitively). */
  static boolean is(ElevationException e, String... codes) {
    String code = e.azureErrorCode().map(c -> c.toLowerCase(Locale.ROOT)).orElse("");
    for (String c : codes) {
      if (code.equals(c.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** A scope ARM does not know: a wrong subscription, resource group, management group or resource id. */
  static boolean isUnknownScope(ElevationException e) {
    return is(e, "SubscriptionNotFound", "ResourceGroupNotFound", "ManagementGroupNotFound", "InvalidResourceId",
        "InvalidSubscriptionId", "ResourceNotFound", "InvalidScope", "LinkedInvalidPropertyId");
  }
}
