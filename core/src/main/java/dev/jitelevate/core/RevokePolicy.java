package dev.jitelevate.core;

/** What to do when revocation is refused because the elevation is younger than the service's 5-minute floor. */
public enum RevokePolicy {
  /** Wait until the floor has passed, then revoke (the default; costs up to 5 minutes of runner time). */
  WAIT_FOR_MINIMUM,
  /** Leave it to the server-side expiry and say so in the record. */
  LEAVE_TO_EXPIRY
}
