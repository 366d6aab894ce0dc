package dev.jitelevate.pimconfig;

/**
 * Progress of apply, one per change (and per wait), for the caller to render.
 *
 * @param detail the service's status or code, e.g. {@code Provisioned} or {@code RoleAssignmentExists}
 */
public record ApplyEvent(Change change, Outcome outcome, String detail) {
  /** What happened to a change. */
  public enum Outcome {
    /** The request or PATCH was made and took effect. */
    APPLIED,
    /** The tenant already held it (e.g. {@code RoleAssignmentExists}): nothing to do. */
    ALREADY_DONE,
    /** The request awaits approval or another pending request: reported, not waited for. */
    PENDING,
    /** A removal inside PIM's minimum duration: waiting for it to pass, then retrying. */
    WAITING
  }
}
