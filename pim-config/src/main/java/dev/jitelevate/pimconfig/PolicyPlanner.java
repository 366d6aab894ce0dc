package dev.jitelevate.pimconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Declared against live role management policies: the settings to change, before → after. */
final class PolicyPlanner {
  private final PimTenant tenant;
  private final Resolver resolver;

  PolicyPlanner(PimTenant tenant, Resolver resolver) {
    this.tenant = tenant;
    this.resolver = resolver;
  }

  /** Adds a PATCH step per policy that differs; {@code seen} collects what was read, for the fingerprint. */
  void plan(PimConfig config, List<Step> steps, List<String> seen) {
    Set<String> declared = new HashSet<>();
    for (AzureRolePolicy policy : config.azurePolicies()) {
      AzureRoles.RoleRef role = resolver.role(policy.scope(), policy.role(), policy.location());
      if (!declared.add(Scopes.key(policy.scope()) + "|" + role.guid())) {
        throw new PimConfigException(policy.location(), "The policy of " + policy.role() + " at " + policy.scope()
            + " is declared twice.", "Merge the two entries into one.");
      }
      AzureRoles.LivePolicy live = tenant.azureRoles().policy(policy.scope(), role);
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
      if (!changed.isEmpty()) {
        Change change = new Change(Surface.AZURE_ROLES, ChangeAction.UPDATE,
            "policy of " + policy.role() + " at " + policy.scope(), policy.location(), details);
        steps.add(new Step.PolicyPatch(change, live.id(),
            PolicyRules.patch(live.rules(), changed, id -> resolver.principal(id, policy.location()))));
      }
    }
  }

  private String approverIds(String names, AzureRolePolicy policy) {
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
