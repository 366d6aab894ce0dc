package dev.jitelevate.emulator.kernel;

import java.util.Set;

/**
 * A directory group with its standing (non-PIM) members and owners.
 *
 * @param id object id
 * @param displayName display name
 * @param isAssignableToRole whether Entra roles can be assigned to it
 * @param members object ids of standing members
 * @param owners object ids of standing owners
 */
public record Group(String id, String displayName, boolean isAssignableToRole, Set<String> members, Set<String> owners) {
  public Group {
    members = Set.copyOf(members);
    owners = Set.copyOf(owners);
  }
}
