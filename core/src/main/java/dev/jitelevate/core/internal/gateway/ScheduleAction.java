package dev.jitelevate.core.internal.gateway;

/** The request types the lifecycle uses. */
public enum ScheduleAction {
  SELF_ACTIVATE("SelfActivate", "selfActivate"),
  SELF_DEACTIVATE("SelfDeactivate", "selfDeactivate"),
  ADMIN_ASSIGN("AdminAssign", "adminAssign"),
  ADMIN_REMOVE("AdminRemove", "adminRemove");

  private final String arm;
  private final String graph;

  ScheduleAction(String arm, String graph) {
    this.arm = arm;
    this.graph = graph;
  }

  /** ARM's PascalCase {@code requestType}. */
  public String armValue() {
    return arm;
  }

  /** Graph's camelCase {@code action}. */
  public String graphValue() {
    return graph;
  }

  public boolean isRemoval() {
    return this == SELF_DEACTIVATE || this == ADMIN_REMOVE;
  }
}
