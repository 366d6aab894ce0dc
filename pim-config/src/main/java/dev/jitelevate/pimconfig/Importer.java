package dev.jitelevate.pimconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a configuration from the live tenant, so adoption starts from reality: every eligibility and admin-made
 * active assignment at or below the given scopes, and the full policy of each role assigned there.
 */
public final class Importer {
  private final PimTenant tenant;

  public Importer(PimTenant tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
  }

  /**
   * Reads the tenant.
   *
   * @param scopes ARM scopes to import (a subscription, resource group or management group)
   * @param file the name the configuration will have (for later errors)
   * @throws PimApiException when ARM or Graph cannot be read
   */
  public PimConfig read(List<String> scopes, String file) {
    return read(scopes, false, List.of(), file);
  }

  /**
   * Reads the tenant on all three surfaces.
   *
   * @param scopes ARM scopes to import (a subscription, resource group or management group)
   * @param directoryRoles whether to import every directory role eligibility and admin-made assignment
   * @param groups PIM-managed groups (display name or id) whose member and owner assignments to import
   * @param file the name the configuration will have (for later errors)
   * @throws PimConfigException for a group the tenant does not know
   * @throws PimApiException when ARM or Graph cannot be read
   */
  public PimConfig read(List<String> scopes, boolean directoryRoles, List<String> groups, String file) {
    List<AzureRoleAssignment> assignments = new ArrayList<>();
    Map<String, AzureRoles.RoleRef> policyTargets = new LinkedHashMap<>();
    for (String scope : scopes) {
      for (LiveAssignment live : tenant.azureRoles().assignmentsUnder(Scopes.normalize(scope))) {
        String principal = tenant.directory().resolve(live.principalId()).principal().map(Principal::name)
            .orElse(live.principalId());
        assignments.add(new AzureRoleAssignment(principal, live.roleName(), live.scope(), live.kind(), live.end(),
            Optional.empty(), Location.none()));
        policyTargets.putIfAbsent(Scopes.key(live.scope()) + "|" + live.roleGuid(),
            new AzureRoles.RoleRef(live.roleGuid(), live.roleName()));
      }
    }
    List<AzureRolePolicy> policies = new ArrayList<>();
    policyTargets.forEach((key, role) -> {
      String scope = assignments.stream().filter(a -> key.startsWith(Scopes.key(a.scope()) + "|")).findFirst()
          .orElseThrow().scope();
      policies.add(new AzureRolePolicy(role.name(), scope, named(PolicyRules.read(tenant.azureRoles().policy(scope, role).rules())),
          Location.none()));
    });
    GraphImporter graph = new GraphImporter(tenant, this::named);
    return new PimConfig(file, List.of(), assignments, policies,
        directoryRoles ? graph.directoryAssignments() : List.of(), directoryRoles ? graph.directoryPolicies() : List.of(),
        graph.groupAssignments(groups, file), graph.groupPolicies(groups, file));
  }

  /** Approvers by name, as a person would write them. */
  Map<PolicySetting, String> named(Map<PolicySetting, String> settings) {
    Map<PolicySetting, String> out = new LinkedHashMap<>(settings);
    String ids = settings.getOrDefault(PolicySetting.APPROVERS, "");
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (!ids.isEmpty()) {
      for (String id : ids.split(",")) {
        names.add(tenant.directory().resolve(id).principal().map(Principal::name).orElse(id));
      }
    }
    out.put(PolicySetting.APPROVERS, String.join(",", names));
    out.entrySet().removeIf(e -> e.getKey().type() == PolicySetting.Type.DURATION && e.getValue().isEmpty());
    return out;
  }
}
