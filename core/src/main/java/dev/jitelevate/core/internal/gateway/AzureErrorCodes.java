package dev.jitelevate.core.internal.gateway;

import dev.jitelevate.core.ElevationException;
import java.util.Locale;

/**
 * The one place for the ARM and Graph error codes jit-elevate reacts to. The surfaces match them; the lifecycle
 * sees only the {@link Refusal} they mean.
 */
public final class AzureErrorCodes {
  public static final String POLICY_VALIDATION_FAILED = "RoleAssignmentRequestPolicyValidationFailed";
  public static final String ACTIVE_DURATION_TOO_SHORT = "ActiveDurationTooShort";
  public static final String REQUEST_EXISTS = "RoleAssignmentRequestExists";
  public static final String ROLE_ASSIGNMENT_EXISTS = "RoleAssignmentExists";
  public static final String PENDING_REQUEST = "PendingRoleAssignmentRequest";
  public static final String ASSIGNMENT_DOES_NOT_EXIST = "RoleAssignmentDoesNotExist";
  public static final String ROLE_DEFINITION_DOES_NOT_EXIST = "RoleDefinitionDoesNotExist";
  public static final String SUBJECT_NOT_FOUND = "SubjectNotFound";
  public static final String PRINCIPAL_NOT_FOUND = "PrincipalNotFound";
  /** The token lacks the authentication context ({@code acrs}) the policy requires; the message is the claims request. */
  public static final String ACRS_VALIDATION_FAILED = "RoleAssignmentRequestAcrsValidationFailed";

  private AzureErrorCodes() {}

  /** Whether the failure carries one of the codes (case-insensitively). */
  public static boolean is(Throwable failure, String... codes) {
    if (!(failure instanceof ElevationException e) || e.azureErrorCode().isEmpty()) {
      return false;
    }
    String code = e.azureErrorCode().get().toLowerCase(Locale.ROOT);
    for (String c : codes) {
      if (code.equals(c.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** A scope ARM does not know: a wrong subscription, resource group, management group or resource id. */
  public static boolean isUnknownScope(ElevationException e) {
    return is(e, "SubscriptionNotFound", "ResourceGroupNotFound", "ManagementGroupNotFound", "InvalidResourceId",
        "InvalidSubscriptionId", "ResourceNotFound", "InvalidScope", "LinkedInvalidPropertyId");
  }
}
