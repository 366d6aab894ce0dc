package dev.jitelevate.emulator.graph;

/**
 * What a PIM schedule grants: a directory role at a directory scope, or member/owner access to a group.
 *
 * @param kind directory role or group
 * @param role the role definition (template) id, or {@code member}/{@code owner} for groups
 * @param scope the directory scope id ({@code /}) or the group id
 */
record PimTarget(Kind kind, String role, String scope) {

  enum Kind {
    DIRECTORY("directory"),
    GROUP("group");

    private final String surfaceName;

    Kind(String surfaceName) {
      this.surfaceName = surfaceName;
    }

    /** The leak detector's surface name. */
    String surfaceName() {
      return surfaceName;
    }
  }

  static PimTarget directoryRole(String roleDefinitionId, String directoryScopeId) {
    return new PimTarget(Kind.DIRECTORY, roleDefinitionId.toLowerCase(java.util.Locale.ROOT), directoryScopeId);
  }

  static PimTarget group(String groupId, String accessId) {
    return new PimTarget(Kind.GROUP, accessId, groupId.toLowerCase(java.util.Locale.ROOT));
  }

  boolean isGroup() {
    return kind == Kind.GROUP;
  }

  boolean sameAs(PimTarget other) {
    return kind == other.kind && role.equalsIgnoreCase(other.role) && scope.equalsIgnoreCase(other.scope);
  }
}
