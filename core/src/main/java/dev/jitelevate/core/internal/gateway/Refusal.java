package dev.jitelevate.core.internal.gateway;

import dev.jitelevate.core.ElevationException;
import java.util.Optional;

/**
 * What a service refusal means for the lifecycle, whichever surface said it: the port's semantic outcomes,
 * so that no step matches an Azure error code.
 */
public enum Refusal {
  /** The access is already active for the principal (another run, or granted outside jit-elevate). */
  ALREADY_ACTIVE,
  /** Another request for the same access is pending (e.g. waiting for approval). */
  REQUEST_PENDING,
  /** A request with this id exists already: an earlier attempt of the same submit landed. */
  REQUEST_EXISTS,
  /** Removal refused as too early: the service keeps an activation for a minimum time (5 minutes). */
  TOO_EARLY_TO_REMOVE,
  /** The access to remove is already gone. */
  ALREADY_GONE,
  /** The principal is not replicated yet (a service principal created moments ago). */
  SUBJECT_NOT_REPLICATED,
  /** The token lacks the authentication context the policy requires: the person must sign in again (step up). */
  STEP_UP_REQUIRED,
  /** Refused with 403: expected while a new role assignment propagates. */
  FORBIDDEN;

  /** What the failure means, when it is one of these refusals. */
  public static Optional<Refusal> of(Throwable failure) {
    if (!(failure instanceof ElevationException e)) {
      return Optional.empty();
    }
    if (AzureErrorCodes.is(e, AzureErrorCodes.ROLE_ASSIGNMENT_EXISTS)) return Optional.of(ALREADY_ACTIVE);
    if (AzureErrorCodes.is(e, AzureErrorCodes.PENDING_REQUEST)) return Optional.of(REQUEST_PENDING);
    if (AzureErrorCodes.is(e, AzureErrorCodes.REQUEST_EXISTS)) return Optional.of(REQUEST_EXISTS);
    if (AzureErrorCodes.is(e, AzureErrorCodes.ACTIVE_DURATION_TOO_SHORT)) return Optional.of(TOO_EARLY_TO_REMOVE);
    if (AzureErrorCodes.is(e, AzureErrorCodes.ASSIGNMENT_DOES_NOT_EXIST)) return Optional.of(ALREADY_GONE);
    if (AzureErrorCodes.is(e, AzureErrorCodes.ACRS_VALIDATION_FAILED)) return Optional.of(STEP_UP_REQUIRED);
    if (AzureErrorCodes.is(e, AzureErrorCodes.SUBJECT_NOT_FOUND, AzureErrorCodes.PRINCIPAL_NOT_FOUND)) {
      return Optional.of(SUBJECT_NOT_REPLICATED);
    }
    return e.httpStatus() == 403 ? Optional.of(FORBIDDEN) : Optional.empty();
  }

  /** Whether the failure means this refusal. */
  public boolean matches(Throwable failure) {
    if (this == FORBIDDEN) {
      return failure instanceof ElevationException e && e.httpStatus() == 403;
    }
    return of(failure).filter(r -> r == this).isPresent();
  }

  /** The failure's code and message, for a person: {@code Code: message}. */
  public static String describe(Throwable failure) {
    if (failure instanceof ElevationException e) {
      return e.azureErrorCode().map(c -> c + ": ").orElse("") + e.getMessage();
    }
    return String.valueOf(failure.getMessage());
  }
}
