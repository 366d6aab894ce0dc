package dev.jitelevate.pimconfig;

/** Where an assignment or policy lives. */
public enum Surface {
  /** Azure RBAC roles at ARM scopes, through PIM on ARM. */
  AZURE_ROLES("Azure roles"),
  /** Microsoft Entra (directory) roles, tenant-wide or in an administrative unit, through Microsoft Graph. */
  DIRECTORY_ROLES("Directory roles"),
  /** Membership and ownership of PIM-managed groups (PIM for Groups), through Microsoft Graph. */
  GROUPS("PIM for Groups");

  private final String title;

  Surface(String title) {
    this.title = title;
  }

  /** The heading a plan prints. */
  public String title() {
    return title;
  }
}
