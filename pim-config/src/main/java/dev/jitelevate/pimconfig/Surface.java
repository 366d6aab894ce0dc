package dev.jitelevate.pimconfig;

/** Where an assignment or policy lives. */
public enum Surface {
  /** Azure RBAC roles at ARM scopes, through PIM on ARM. */
  AZURE_ROLES("Azure roles");

  private final String title;

  Surface(String title) {
    this.title = title;
  }

  /** The heading a plan prints. */
  public String title() {
    return title;
  }
}
