package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import java.util.Locale;

/** The service error codes the lifecycle reacts to, matched once here instead of string tests everywhere. */
final class AzureCodes {
  static final String ROLE_ASSIGNMENT_EXISTS = "RoleAssignmentExists";
  static final String PENDING_REQUEST = "PendingRoleAssignmentRequest";
  static final String REQUEST_EXISTS = "RoleAssignmentRequestExists";
  static final String ACTIVE_DURATION_TOO_SHORT = "ActiveDurationTooShort";
  static final String ASSIGNMENT_DOES_NOT_EXIST = "RoleAssignmentDoesNotExist";
  static final String SUBJECT_NOT_FOUND = "SubjectNotFound";
  static final String PRINCIPAL_NOT_FOUND = "PrincipalNotFound";

  private AzureCodes() {}

  /** Whether the failure carries one of the codes (case-insensitively). */
  static boolean is(Throwable failure, String... codes) {
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

  /** Whether the failure is a 403 refusal (expected while a new role propagates). */
  static boolean isForbidden(Throwable failure) {
    return failure instanceof ElevationException e && e.httpStatus() == 403;
  }

  /** A principal the directory has not replicated yet (fresh service principals). */
  static boolean isSubjectNotFound(Throwable failure) {
    return is(failure, SUBJECT_NOT_FOUND, PRINCIPAL_NOT_FOUND);
  }

  static String describe(Throwable failure) {
    if (failure instanceof ElevationException e) {
      return e.azureErrorCode().map(c -> c + ": ").orElse("") + e.getMessage();
    }
    return String.valueOf(failure.getMessage());
  }
}
