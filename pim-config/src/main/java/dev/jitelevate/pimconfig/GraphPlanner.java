package dev.jitelevate.pimconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Declared against live directory role and PIM for Groups assignments and policies (Microsoft Graph): what to
 * create, update (end) or, with prune, remove, and the policy rules to PATCH. The managed set is every directory
 * role and every group the file names: their live assignments that the file does not declare are undeclared.
 */
final class GraphPlanner {
  private final PimTenant tenant;
  private final Resolver resolver;
  private final PolicyPlanner policies;

  GraphPlanner(PimTenant tenant, Resolver resolver, PolicyPlanner policies) {
    this.tenant = tenant;
    this.resolver = resolver;
    this.policies = policies;
  }

  /** A declaration resolved to ids: the live key it must match. */
  private record Resolved(AssignmentDeclaration declared, Principal principal, String targetId, String scope) {}

  void plan(PimConfig config, List<LiveGraphAssignment> live, boolean prune, List<Step> steps, List<Change> undeclared,
      List<String> seen) {
    Map<String, Resolved> declared = new LinkedHashMap<>();
    for (DirectoryRoleAssignment a : config.directoryAssignments()) {
      String scope = a.administrativeUnit().map(u -> "/administrativeUnits/" + resolver.administrativeUnit(u, a.location()))
          .orElse("/");
      add(declared, Surface.DIRECTORY_ROLES, new Resolved(a, resolver.principal(a.principal(), a.location()),
          resolver.directoryRole(a.role(), a.location()), scope));
    }
    for (GroupAssignment a : config.groupAssignments()) {
      add(declared, Surface.GROUPS, new Resolved(a, resolver.principal(a.principal(), a.location()),
          resolver.group(a.group(), a.location()).id(), a.access().fileName()));
    }
    Map<String, LiveGraphAssignment> byKey = new LinkedHashMap<>();
    live.forEach(l -> byKey.put(l.key(), l));
    live.forEach(l -> seen.add(l.key() + "=" + l.end()));
    declared.forEach((key, r) -> {
      Surface surface = r.declared() instanceof GroupAssignment ? Surface.GROUPS : Surface.DIRECTORY_ROLES;
      LiveGraphAssignment current = byKey.get(key);
      if (current == null) {
        steps.add(request(surface, r, ChangeAction.CREATE, "adminAssign",
            List.of(new Change.Detail("end", "", AssignmentPlanner.wanted(r.declared()))), Optional.empty()));
      } else if (!AssignmentPlanner.sameEnd(r.declared(), current.end())) {
        steps.add(request(surface, r, ChangeAction.UPDATE, "adminUpdate", List.of(new Change.Detail("end",
            AssignmentPlanner.end(current.end()), AssignmentPlanner.wanted(r.declared()))),
            Optional.ofNullable(current.start())));
      }
    });
    for (LiveGraphAssignment l : live) {
      if (!declared.containsKey(l.key())) {
        undeclared(l, prune, steps, undeclared);
      }
    }
    planPolicies(config, steps, seen);
  }

  /** The directory roles (ids) and groups (ids) the file names: whose live assignments plan reads. */
  Set<String> managedRoles(PimConfig config) {
    Set<String> ids = new HashSet<>();
    config.directoryAssignments().forEach(a -> ids.add(resolver.directoryRole(a.role(), a.location())));
    config.directoryPolicies().forEach(p -> ids.add(resolver.directoryRole(p.role(), p.location())));
    return ids;
  }

  Set<String> managedGroups(PimConfig config) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    config.groupAssignments().forEach(a -> ids.add(resolver.group(a.group(), a.location()).id().toLowerCase()));
    config.groupPolicies().forEach(p -> ids.add(resolver.group(p.group(), p.location()).id().toLowerCase()));
    return ids;
  }

  private static void add(Map<String, Resolved> declared, Surface surface, Resolved r) {
    String key = LiveGraphAssignment.key(surface, r.declared().kind(), r.principal().id(), r.targetId(), r.scope());
    if (declared.put(key, r) != null) {
      throw new PimConfigException(r.declared().location(), "The assignment '" + r.declared().describe()
          + "' is declared twice.", "Keep one entry per principal, role or group, scope and type.");
    }
  }

  private void undeclared(LiveGraphAssignment l, boolean prune, List<Step> steps, List<Change> undeclared) {
    Principal principal = tenant.directory().resolve(l.principalId()).principal()
        .orElse(new Principal(l.principalId(), "User", l.principalId()));
    String subject = l.surface() == Surface.GROUPS
        ? l.kind().fileName() + " " + l.scope() + " of " + groupName(l.targetId()) + " for " + principal.name()
        : l.kind().fileName() + " " + tenant.graphPim().roleName(l.targetId()) + " for " + principal.name() + " "
            + DirectoryRoleAssignment.where(Optional.of(l.scope()).filter(s -> !s.equals("/"))
                .map(s -> s.substring(s.lastIndexOf('/') + 1)));
    Change change = new Change(l.surface(), ChangeAction.REMOVE, subject, Location.none(),
        List.of(new Change.Detail("end", AssignmentPlanner.end(l.end()), "")));
    if (prune) {
      steps.add(new Step.GraphRequest(change, l.kind(), "adminRemove", principal, l.targetId(), l.scope(),
          Optional.empty(), Optional.empty(), Optional.ofNullable(l.start())));
    } else {
      undeclared.add(change);
    }
  }

  private String groupName(String groupId) {
    return tenant.directory().resolve(groupId).principal().map(Principal::name).orElse(groupId);
  }

  private static Step.GraphRequest request(Surface surface, Resolved r, ChangeAction action, String type,
      List<Change.Detail> details, Optional<java.time.Instant> liveStart) {
    Change change = new Change(surface, action, r.declared().describe(), r.declared().location(), details);
    return new Step.GraphRequest(change, r.declared().kind(), type, r.principal(), r.targetId(), r.scope(),
        r.declared().end(), r.declared().duration(), liveStart);
  }

  private void planPolicies(PimConfig config, List<Step> steps, List<String> seen) {
    Set<String> once = new HashSet<>();
    for (DirectoryRolePolicy p : config.directoryPolicies()) {
      String roleId = resolver.directoryRole(p.role(), p.location());
      PolicyPlanner.once(once, "directory|" + roleId, p);
      policies.compare(Surface.DIRECTORY_ROLES, p, tenant.graphPim().policy("DirectoryRole", "/", roleId), seen)
          .ifPresent(steps::add);
    }
    for (GroupPolicy p : config.groupPolicies()) {
      String groupId = resolver.group(p.group(), p.location()).id();
      PolicyPlanner.once(once, "group|" + groupId + "|" + p.access(), p);
      policies.compare(Surface.GROUPS, p, tenant.graphPim().policy("Group", groupId, p.access().fileName()), seen)
          .ifPresent(steps::add);
    }
  }
}
