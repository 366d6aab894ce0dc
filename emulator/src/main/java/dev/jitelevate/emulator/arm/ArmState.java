package dev.jitelevate.emulator.arm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the ARM surface holds: topology, role definitions, role assignments, PIM schedules, requests,
 * approvals and policies. Not thread-safe by itself: the surface serialises access on this object.
 */
final class ArmState {
  Topology topology = new Topology(Map.of(), Map.of());
  final Map<String, RoleDefinition> roles = new LinkedHashMap<>();
  final Map<String, RoleAssignment> roleAssignments = new LinkedHashMap<>();
  final Map<String, PimSchedule> schedules = new LinkedHashMap<>();
  final Map<String, ScheduleRequest> requests = new LinkedHashMap<>();
  final Map<String, Approval> approvals = new LinkedHashMap<>();
  final Map<String, RolePolicy> policies = new LinkedHashMap<>();
  final List<ScenarioPolicy> scenarioPolicies = new ArrayList<>();

  /**
   * A policy the scenario configured; applies at its scope and below unless a nearer one exists.
   *
   * @param scope where it was configured
   * @param roleGuid the role
   * @param settings its settings
   */
  record ScenarioPolicy(ArmScope scope, String roleGuid, PolicySettings settings) {}

  void clear() {
    topology = new Topology(Map.of(), Map.of());
    roles.clear();
    roleAssignments.clear();
    schedules.clear();
    requests.clear();
    approvals.clear();
    policies.clear();
    scenarioPolicies.clear();
  }

  static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  static String requestKey(RequestKind kind, String name) {
    return kind.name() + ":" + key(name);
  }

  Optional<RoleDefinition> role(String guid) {
    return Optional.ofNullable(guid == null ? null : roles.get(key(guid)));
  }

  /** Finds a role by GUID, full role definition id, or role name. */
  Optional<RoleDefinition> roleByReference(String reference) {
    String guid = reference.substring(reference.lastIndexOf('/') + 1);
    Optional<RoleDefinition> byId = role(guid);
    if (byId.isPresent()) {
      return byId;
    }
    return roles.values().stream().filter(r -> r.roleName().equalsIgnoreCase(reference)).findFirst();
  }

  Optional<ScheduleRequest> request(RequestKind kind, String name) {
    return Optional.ofNullable(requests.get(requestKey(kind, name)));
  }

  void put(ScheduleRequest request) {
    requests.put(requestKey(request.spec().kind(), request.spec().name()), request);
  }

  void put(RoleAssignment assignment) {
    roleAssignments.put(key(assignment.name()), assignment);
  }

  void put(PimSchedule schedule) {
    schedules.put(key(schedule.name()), schedule);
  }

  void put(Approval approval) {
    approvals.put(key(approval.id()), approval);
  }

  Optional<Approval> approval(String id) {
    return Optional.ofNullable(approvals.get(key(id.substring(id.lastIndexOf('/') + 1))));
  }

  List<PimSchedule> schedules(RequestKind kind) {
    return schedules.values().stream().filter(s -> s.kind() == kind).toList();
  }

  /** Removes a PIM assignment schedule together with the role assignment it created. */
  void removeSchedule(PimSchedule schedule) {
    schedules.remove(key(schedule.name()));
    roleAssignments.values().removeIf(ra -> schedule.name().equalsIgnoreCase(ra.scheduleName()));
  }

  /** A deterministic GUID for values that must stay stable across reads (policy names). */
  static String stableGuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
