package dev.jitelevate.core;

/**
 * Proves that an elevation is effective by trying what the operation needs (reading a secret's metadata,
 * say). The verify step calls it until it says {@link Result#EFFECTIVE} or the propagation deadline passes.
 */
@FunctionalInterface
public interface AccessProbe {

  /** The probe's answer. */
  enum Result {
    /** The access works. */
    EFFECTIVE,
    /** Refused in the way propagation refuses (e.g. 403 ForbiddenByRbac): try again. */
    NOT_YET
  }

  /**
   * Tries the access once.
   *
   * @throws ElevationException when the refusal cannot be propagation (wrong vault, 404 ...): verification stops
   */
  Result check(OperationContext context);
}
