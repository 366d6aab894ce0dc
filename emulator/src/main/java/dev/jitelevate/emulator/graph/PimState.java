package dev.jitelevate.emulator.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the Graph surface remembers: schedule requests, active instances, eligibilities, approvals,
 * policies and which groups are onboarded to PIM. Not thread-safe: the surface serialises access.
 */
final class PimState {
  final String tenantId;
  final Map<String, ScheduleRequest> requests = new LinkedHashMap<>();
  final List<ActiveInstance> instances = new ArrayList<>();
  final List<Eligibility> eligibilities = new ArrayList<>();
  final Map<String, Approval> approvals = new LinkedHashMap<>();
  final List<RoleManagementPolicy> policies = new ArrayList<>();
  final Set<String> pimGroups = new HashSet<>();

  PimState(String tenantId) {
    this.tenantId = tenantId;
  }

  List<ScheduleRequest> requests(ScheduleRequest.Type type, PimTarget.Kind kind) {
    return requests.values().stream().filter(r -> r.type == type && r.target.kind() == kind).toList();
  }

  Optional<ScheduleRequest> request(String id, ScheduleRequest.Type type, PimTarget.Kind kind) {
    ScheduleRequest request = requests.get(id);
    return Optional.ofNullable(request).filter(r -> r.type == type && r.target.kind() == kind);
  }

  List<ActiveInstance> instances(PimTarget.Kind kind) {
    return instances.stream().filter(i -> i.target().kind() == kind).toList();
  }

  List<Eligibility> eligibilities(PimTarget.Kind kind) {
    return eligibilities.stream().filter(e -> e.target().kind() == kind).toList();
  }

  Optional<ActiveInstance> instance(String principalId, PimTarget target, Predicate<ActiveInstance> also) {
    return instances.stream()
        .filter(i -> i.principalId().equalsIgnoreCase(principalId) && i.target().sameAs(target) && also.test(i))
        .findFirst();
  }

  Optional<Eligibility> eligibility(String principalId, PimTarget target) {
    return eligibilities.stream()
        .filter(e -> e.principalId().equalsIgnoreCase(principalId) && e.target().sameAs(target))
        .findFirst();
  }

  Optional<ScheduleRequest> pendingRequest(String principalId, PimTarget target, ScheduleRequest.Type type) {
    return requests.values().stream()
        .filter(r -> r.type == type && r.isPending() && r.principalId.equalsIgnoreCase(principalId)
            && r.target.sameAs(target))
        .findFirst();
  }

  Optional<RoleManagementPolicy> policy(PimTarget target) {
    Optional<RoleManagementPolicy> exact = policies.stream().filter(p -> p.target.sameAs(target)).findFirst();
    if (exact.isPresent() || target.isGroup() || target.scope().equals("/")) {
      return exact;
    }
    // Entra keeps one policy per directory role for the tenant: administrative-unit assignments follow it too.
    PimTarget tenantWide = PimTarget.directoryRole(target.role(), "/");
    return policies.stream().filter(p -> p.target.sameAs(tenantWide)).findFirst();
  }

  Optional<RoleManagementPolicy> policyById(String id) {
    return policies.stream().filter(p -> p.id.equalsIgnoreCase(id)).findFirst();
  }

  boolean isPimGroup(String groupId) {
    return pimGroups.contains(groupId.toLowerCase(java.util.Locale.ROOT));
  }

  void replaceInstance(ActiveInstance old, ActiveInstance updated) {
    instances.set(instances.indexOf(old), updated);
  }

  void replaceEligibility(Eligibility old, Eligibility updated) {
    eligibilities.set(eligibilities.indexOf(old), updated);
  }
}
