package dev.jitelevate.pimconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Compares a file with the tenant. Every name is resolved first, so an unknown role, group, user or scope is refused
 * with the file's line before anything is changed.
 */
public final class Planner {
  private final PimTenant tenant;
  private final Resolver resolver;

  public Planner(PimTenant tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.resolver = new Resolver(tenant);
  }

  /**
   * Plans the file against the tenant.
   *
   * @param prune whether undeclared assignments at the managed scopes are to be removed
   * @throws PimConfigException for a name or scope the tenant does not know
   * @throws PimApiException when ARM or Graph cannot be read
   */
  public Plan plan(PimConfig config, boolean prune) {
    List<String> names = new ArrayList<>();
    config.assignments().forEach(a -> names.add(a.principal()));
    config.groupAssignments().forEach(a -> names.add(a.group()));
    config.groupPolicies().forEach(p -> names.add(p.group()));
    PolicyPlanner policies = new PolicyPlanner(tenant, resolver);
    GraphPlanner graph = new GraphPlanner(tenant, resolver, policies);
    List<LiveAssignment> live = new ArrayList<>();
    List<LiveGraphAssignment> graphLive;
    try (ParallelReads reads = new ParallelReads()) {
      CompletableFuture<Void> groups = reads.start(() -> {
        tenant.directory().preloadGroups(names);
        return null;
      });
      Map<String, CompletableFuture<List<LiveAssignment>>> scopes = new LinkedHashMap<>();
      AssignmentPlanner.managedScopes(config).forEach((scope, at) -> scopes.put(scope, reads.start(() -> read(scope, at))));
      CompletableFuture<List<LiveGraphAssignment>> directory = reads.start(() -> directoryLive(config, graph));
      scopes.values().forEach(read -> live.addAll(ParallelReads.join(read)));
      ParallelReads.join(groups);
      graphLive = new ArrayList<>(ParallelReads.join(directory));
      Map<String, CompletableFuture<List<LiveGraphAssignment>>> byGroup = new LinkedHashMap<>();
      graph.managedGroups(config).forEach(id -> byGroup.put(id, reads.start(() -> tenant.graphPim().groupSchedules(id))));
      byGroup.values().forEach(read -> graphLive.addAll(ParallelReads.join(read)));
    }
    List<Step> steps = new ArrayList<>();
    List<Change> undeclared = new ArrayList<>();
    new AssignmentPlanner(tenant, resolver).plan(config, live, prune, steps, undeclared);
    List<String> seen = new ArrayList<>();
    live.forEach(l -> seen.add(l.key() + "=" + l.end()));
    policies.plan(config, steps, seen);
    graph.plan(config, graphLive, prune, steps, undeclared, seen);
    return new Plan(config.file(), steps, undeclared, fingerprint(seen));
  }

  /** The live directory role assignments of the roles the file names. */
  private List<LiveGraphAssignment> directoryLive(PimConfig config, GraphPlanner graph) {
    java.util.Set<String> roles = graph.managedRoles(config);
    return roles.isEmpty() ? List.of()
        : tenant.graphPim().directorySchedules().stream().filter(l -> roles.contains(l.targetId())).toList();
  }

  private List<LiveAssignment> read(String scope, Location at) {
    try {
      return tenant.azureRoles().assignments(scope);
    } catch (PimApiException e) {
      if (e.status() == 404 || e.status() == 400) {
        throw new PimConfigException(at, "The scope " + scope + " does not exist (" + e.code() + ").",
            "Check the subscription id, resource group or management group in the scope.");
      }
      throw e;
    }
  }

  static String key(AssignmentKind kind, String principalId, String roleGuid, String scope) {
    return (kind + "|" + principalId + "|" + roleGuid + "|" + Scopes.key(scope)).toLowerCase(Locale.ROOT);
  }

  private static String fingerprint(List<String> seen) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      seen.stream().sorted().forEach(s -> sha.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
