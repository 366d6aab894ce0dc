package dev.jitelevate.pimconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Import of the Graph surfaces: directory role and PIM for Groups assignments, and the policies behind them. */
final class GraphImporter {
  private final PimTenant tenant;
  private final UnaryOperator<Map<PolicySetting, String>> named;
  private final Set<String> importedRoles = new LinkedHashSet<>();

  GraphImporter(PimTenant tenant, UnaryOperator<Map<PolicySetting, String>> named) {
    this.tenant = tenant;
    this.named = named;
  }

  List<DirectoryRoleAssignment> directoryAssignments() {
    List<DirectoryRoleAssignment> out = new ArrayList<>();
    for (LiveGraphAssignment live : tenant.graphPim().directorySchedules()) {
      Optional<String> unit = live.scope().equals("/") ? Optional.empty()
          : Optional.of(live.scope().substring(live.scope().lastIndexOf('/') + 1));
      out.add(new DirectoryRoleAssignment(name(live.principalId()), tenant.graphPim().roleName(live.targetId()), unit,
          live.kind(), live.end(), Optional.empty(), Location.none()));
      importedRoles.add(live.targetId());
    }
    return out;
  }

  /** The policy of every role {@link #directoryAssignments()} found. */
  List<DirectoryRolePolicy> directoryPolicies() {
    List<DirectoryRolePolicy> out = new ArrayList<>();
    for (String roleId : importedRoles) {
      out.add(new DirectoryRolePolicy(tenant.graphPim().roleName(roleId),
          named.apply(PolicyRules.read(tenant.graphPim().policy("DirectoryRole", "/", roleId).rules())), Location.none()));
    }
    return out;
  }

  List<GroupAssignment> groupAssignments(List<String> groups, String file) {
    List<GroupAssignment> out = new ArrayList<>();
    for (Map.Entry<String, Principal> group : resolve(groups, file).entrySet()) {
      for (LiveGraphAssignment live : tenant.graphPim().groupSchedules(group.getKey())) {
        out.add(new GroupAssignment(name(live.principalId()), group.getValue().name(), GroupAccess.fromFile(live.scope()),
            live.kind(), live.end(), Optional.empty(), Location.none()));
      }
    }
    return out;
  }

  /** The member and owner policies of each group. */
  List<GroupPolicy> groupPolicies(List<String> groups, String file) {
    List<GroupPolicy> out = new ArrayList<>();
    for (Map.Entry<String, Principal> group : resolve(groups, file).entrySet()) {
      for (GroupAccess access : GroupAccess.values()) {
        out.add(new GroupPolicy(group.getValue().name(), access, named.apply(PolicyRules.read(
            tenant.graphPim().policy("Group", group.getKey(), access.fileName()).rules())), Location.none()));
      }
    }
    return out;
  }

  private Map<String, Principal> resolve(List<String> groups, String file) {
    Resolver resolver = new Resolver(tenant);
    Map<String, Principal> out = new LinkedHashMap<>();
    for (String ref : groups) {
      Principal group = resolver.group(ref, new Location(file, 0));
      out.put(group.id(), group);
    }
    return out;
  }

  private String name(String principalId) {
    return tenant.directory().resolve(principalId).principal().map(Principal::name).orElse(principalId);
  }
}
