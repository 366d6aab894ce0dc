package dev.jitelevate.pimconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Declared against live role management policies (any surface): the settings to change, before → after. */
final class PolicyPlanner {
  private final PimTenant tenant;
  private final Resolver resolver;

  PolicyPlanner(PimTenant tenant, Resolver resolver) {
    this.tenant = tenant;
    this.resolver = resolver;
  }

  /** Adds a PATCH step per Azure role policy that differs; {@code seen} collects what was read, for the fingerprint. */
  void plan(PimConfig config, List<Step> steps, List<String> seen) {
    Set<String> declared = new HashSet<>();
    for (AzureRolePolicy policy : config.azurePolicies()) {
      AzureRoles.RoleRef role = resolver.role(policy.scope(), policy.role(), policy.location());
      once(declared, Scopes.key(policy.scope()) + "|" + role.guid(), policy);
      compare(Surface.AZURE_ROLES, policy, tenant.azureRoles().policy(policy.scope(), role), seen).ifPresent(steps::add);
    }
  }

  /** Refuses a second declaration of the same policy. */
  static void once(Set<String> declared, String key, PolicyDeclaration policy) {
    if (!declared.add(key.toLowerCase(java.util.Locale.ROOT))) {
      throw new PimConfigException(policy.location(), "The " + policy.describe() + " is declared twice.",
          "Merge the two entries into one.");
    }
  }

  /** The PATCH that makes a live policy hold the declared settings, if any differ. */
  Optional<Step> compare(Surface surface, PolicyDeclaration policy, AzureRoles.LivePolicy live, List<String> seen) {
    Map<PolicySetting, String> current = PolicyRules.read(live.rules());
    seen.add(live.id() + "=" + current);
    Map<PolicySetting, String> changed = new LinkedHashMap<>();
    List<Change.Detail> details = new ArrayList<>();
    policy.settings().forEach((setting, declaredValue) -> {
      String wanted = setting.type() == PolicySetting.Type.PRINCIPALS ? approverIds(declaredValue, policy) : declaredValue;
      String before = current.getOrDefault(setting, "");
      if (!before.equalsIgnoreCase(wanted)) {
        changed.put(setting, wanted);
        details.add(new Change.Detail(setting.path(), show(setting, before), show(setting, wanted)));
      }
    });
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    Change change = new Change(surface, ChangeAction.UPDATE, policy.describe(), policy.location(), details);
    return Optional.of(new Step.PolicyPatch(change, live.id(),
        PolicyRules.patch(live.rules(), changed, id -> resolver.principal(id, policy.location()))));
  }

  private String approverIds(String names, PolicyDeclaration policy) {
    TreeSet<String> ids = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (!names.isEmpty()) {
      for (String name : names.split(",")) {
        ids.add(resolver.principal(name, policy.location()).id());
      }
    }
    return String.join(",", ids);
  }

  /** Approver ids shown by name, so the plan reads like the file. */
  private String show(PolicySetting setting, String value) {
    if (setting.type() != PolicySetting.Type.PRINCIPALS || value.isEmpty()) {
      return value;
    }
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String id : value.split(",")) {
      names.add(tenant.directory().resolve(id).principal().map(Principal::name).orElse(id));
    }
    return String.join(",", names);
  }
}
