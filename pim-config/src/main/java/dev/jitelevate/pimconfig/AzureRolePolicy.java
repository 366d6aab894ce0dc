package dev.jitelevate.pimconfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The declared role management policy of one Azure role at one scope: only the settings the file names.
 * Values are canonical text (see {@link PolicySetting.Type}); approvers are as the file names them until planned.
 */
public record AzureRolePolicy(String role, String scope, Map<PolicySetting, String> settings, Location location) {

  public AzureRolePolicy {
    Objects.requireNonNull(role, "role");
    scope = Scopes.normalize(Objects.requireNonNull(scope, "scope"));
    settings = orderedCopy(settings);
  }

  /** The declared value of a setting, if the file manages it. */
  public Optional<String> get(PolicySetting setting) {
    return Optional.ofNullable(settings.get(setting));
  }

  /** True when the file sets the flag to true. */
  public boolean isTrue(PolicySetting setting) {
    return "true".equals(settings.get(setting));
  }

  private static Map<PolicySetting, String> orderedCopy(Map<PolicySetting, String> settings) {
    Map<PolicySetting, String> ordered = new LinkedHashMap<>();
    for (PolicySetting s : PolicySetting.all()) {
      if (settings.containsKey(s)) {
        ordered.put(s, Objects.requireNonNull(settings.get(s), s.path()));
      }
    }
    return java.util.Collections.unmodifiableMap(ordered);
  }
}
