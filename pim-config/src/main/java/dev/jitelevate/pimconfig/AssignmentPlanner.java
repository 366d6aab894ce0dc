package dev.jitelevate.pimconfig;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Declared against live Azure role assignments: what to create, update (end) or, with prune, remove. */
final class AssignmentPlanner {
  private static final Duration SAME_END = Duration.ofMinutes(1);

  private final PimTenant tenant;
  private final Resolver resolver;

  AssignmentPlanner(PimTenant tenant, Resolver resolver) {
    this.tenant = tenant;
    this.resolver = resolver;
  }

  /** The steps and the undeclared live assignments; {@code live} holds every assignment at the managed scopes. */
  void plan(PimConfig config, List<LiveAssignment> live, boolean prune, List<Step> steps, List<Change> undeclared) {
    Map<String, LiveAssignment> byKey = new LinkedHashMap<>();
    live.forEach(a -> byKey.put(a.key(), a));
    Map<String, AzureRoleAssignment> declared = new LinkedHashMap<>();
    for (AzureRoleAssignment a : config.azureAssignments()) {
      Principal principal = resolver.principal(a.principal(), a.location());
      AzureRoles.RoleRef role = resolver.role(a.scope(), a.role(), a.location());
      String key = Planner.key(a.kind(), principal.id(), role.guid(), a.scope());
      if (declared.put(key, a) != null) {
        throw new PimConfigException(a.location(), "The assignment '" + a.describe() + "' is declared twice.",
            "Keep one entry per principal, role, scope and type.");
      }
      LiveAssignment current = byKey.get(key);
      if (current == null) {
        steps.add(request(a, ChangeAction.CREATE, "AdminAssign", principal, role, List.of(), Optional.empty()));
      } else if (!sameEnd(a, current.end())) {
        List<Change.Detail> details = List.of(new Change.Detail("end", end(current.end()), wanted(a)));
        steps.add(request(a, ChangeAction.UPDATE, "AdminUpdate", principal, role, details, Optional.of(current.start())));
      }
    }
    for (LiveAssignment l : live) {
      if (declared.containsKey(l.key())) {
        continue;
      }
      Principal principal = tenant.directory().resolve(l.principalId()).principal()
          .orElse(new Principal(l.principalId(), l.principalType(), l.principalId()));
      String subject = l.kind().fileName() + " " + l.roleName() + " for " + principal.name() + " at " + l.scope();
      Change change = new Change(Surface.AZURE_ROLES, ChangeAction.REMOVE, subject, Location.none(),
          List.of(new Change.Detail("end", end(l.end()), "")));
      if (prune) {
        steps.add(new Step.Request(change, l.kind(), "AdminRemove", principal, l.roleDefinitionId(), l.scope(),
            Optional.empty(), Optional.empty(), Optional.of(l.start())));
      } else {
        undeclared.add(change);
      }
    }
  }

  private static Step.Request request(AzureRoleAssignment a, ChangeAction action, String type, Principal principal,
      AzureRoles.RoleRef role, List<Change.Detail> details, Optional<Instant> liveStart) {
    List<Change.Detail> shown = action == ChangeAction.CREATE ? List.of(new Change.Detail("end", "", wanted(a))) : details;
    Change change = new Change(Surface.AZURE_ROLES, action, a.describe(), a.location(), shown);
    return new Step.Request(change, a.kind(), type, principal, role.idAt(a.scope()), a.scope(), a.end(), a.duration(),
        liveStart);
  }

  /** Whether a live end satisfies the declared one (a duration matches any end; a date within a minute). */
  static boolean sameEnd(AssignmentDeclaration a, Optional<Instant> liveEnd) {
    if (a.permanent()) {
      return liveEnd.isEmpty();
    }
    if (a.duration().isPresent()) {
      return liveEnd.isPresent();
    }
    return liveEnd.map(e -> Duration.between(e, a.end().orElseThrow()).abs().compareTo(SAME_END) < 0).orElse(false);
  }

  static String wanted(AssignmentDeclaration a) {
    return a.end().map(Instant::toString).or(() -> a.duration().map(d -> "after " + IsoDurations.format(d)))
        .orElse("permanent");
  }

  static String end(Optional<Instant> end) {
    return end.map(Instant::toString).orElse("permanent");
  }

  /** Every scope the file names (assignments and policies), with where it first names it. */
  static Map<String, Location> managedScopes(PimConfig config) {
    Map<String, Location> byKey = new LinkedHashMap<>();
    Map<String, Location> scopes = new LinkedHashMap<>();
    config.azureAssignments().forEach(a -> addScope(byKey, scopes, a.scope(), a.location()));
    config.azurePolicies().forEach(p -> addScope(byKey, scopes, p.scope(), p.location()));
    return scopes;
  }

  private static void addScope(Map<String, Location> byKey, Map<String, Location> scopes, String scope, Location at) {
    if (byKey.putIfAbsent(Scopes.key(scope), at) == null) {
      scopes.put(scope, at);
    }
  }
}
