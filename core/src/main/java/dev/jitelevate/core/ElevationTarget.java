package dev.jitelevate.core;

import java.util.Objects;

/** What to elevate to: an Azure role at an ARM scope, an Entra directory role, or PIM-for-Groups access. */
public sealed interface ElevationTarget {

  /** A human-readable one-liner for messages and summaries. */
  String describe();

  /** An Azure RBAC role at an ARM scope. */
  record AzureRole(RoleRef role, ArmScope scope) implements ElevationTarget {
    public AzureRole {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String describe() {
      return "Azure role '" + role.describe() + "' at " + scope;
    }
  }

  /** An Entra directory role at a directory scope. */
  record DirectoryRole(RoleRef role, DirectoryScope scope) implements ElevationTarget {
    public DirectoryRole {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String describe() {
      return "Entra role '" + role.describe() + "' at " + scope;
    }
  }

  /** Membership or ownership of a PIM-enabled group. */
  record Group(GroupRef group, GroupAccess access) implements ElevationTarget {
    public Group {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(access, "access");
    }

    @Override
    public String describe() {
      return "group '" + group.describe() + "' as " + access.wireValue();
    }
  }
}
