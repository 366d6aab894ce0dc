package dev.jitelevate.core.internal.gateway;

/** How an active instance came to be: activated from an eligibility, assigned directly, or a plain role assignment. */
public enum AssignmentType {
  ACTIVATED("Activated"),
  ASSIGNED("Assigned"),
  ROLE_ASSIGNMENT("RoleAssignment"),
  /** A value the service sent that this version does not know. */
  UNKNOWN("Unknown");

  private final String wireValue;

  AssignmentType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The service's spelling ({@code Activated}, {@code Assigned}, …). */
  public String wireValue() {
    return wireValue;
  }

  /** The type a service names (any case); {@code whenAbsent} when it names none, {@link #UNKNOWN} when it names another. */
  public static AssignmentType of(String value, AssignmentType whenAbsent) {
    if (value == null || value.isBlank()) {
      return whenAbsent;
    }
    for (AssignmentType t : values()) {
      if (t.wireValue.equalsIgnoreCase(value)) {
        return t;
      }
    }
    return UNKNOWN;
  }

  @Override
  public String toString() {
    return wireValue;
  }
}
