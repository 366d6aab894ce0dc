package dev.jitelevate.core.internal.gateway;

/** Which service surface a target lives on. */
public enum SurfaceKind {
  /** ARM Microsoft.Authorization PIM schedule requests. */
  ARM,
  /** ARM plain role assignments (the rbac strategy). */
  ARM_RBAC,
  /** Graph PIM for directory roles. */
  DIRECTORY,
  /** Graph PIM for Groups. */
  GROUP
}
