package dev.jitelevate.pimconfig;

import java.util.Map;
import java.util.Optional;

/**
 * What every declared role management policy has, whatever its surface: only the settings the file names, in
 * canonical text (see {@link PolicySetting.Type}); approvers are as the file names them until planned.
 */
public sealed interface PolicyDeclaration permits AzureRolePolicy, DirectoryRolePolicy, GroupPolicy {
  Map<PolicySetting, String> settings();

  Location location();

  /** The role it governs as people name it: an Azure or directory role, or {@code member of grp-x}. */
  String role();

  /** How it reads in a plan: {@code policy of Contributor at /subscriptions/…}. */
  String describe();

  /** The declared value of a setting, if the file manages it. */
  default Optional<String> get(PolicySetting setting) {
    return Optional.ofNullable(settings().get(setting));
  }

  /** True when the file sets the flag to true. */
  default boolean isTrue(PolicySetting setting) {
    return "true".equals(settings().get(setting));
  }

  /** The settings in catalogue order, so plans and files list them the same way. */
  static Map<PolicySetting, String> ordered(Map<PolicySetting, String> settings) {
    Map<PolicySetting, String> ordered = new java.util.LinkedHashMap<>();
    for (PolicySetting s : PolicySetting.all()) {
      if (settings.containsKey(s)) {
        ordered.put(s, java.util.Objects.requireNonNull(settings.get(s), s.path()));
      }
    }
    return java.util.Collections.unmodifiableMap(ordered);
  }
}
