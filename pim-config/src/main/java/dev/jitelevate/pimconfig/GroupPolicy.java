package dev.jitelevate.pimconfig;

import java.util.Map;
import java.util.Objects;

/** The declared role management policy of membership or ownership of one PIM-managed group. */
public record GroupPolicy(String group, GroupAccess access, Map<PolicySetting, String> settings, Location location)
    implements PolicyDeclaration {

  public GroupPolicy {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(access, "access");
    settings = PolicyDeclaration.ordered(settings);
  }

  /** {@code member of grp-prod-admins}. */
  @Override
  public String role() {
    return access.fileName() + " of " + group;
  }

  @Override
  public String describe() {
    return "policy of " + role();
  }
}
