package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the Graph surface's state from a scenario's {@code directory} and {@code pimGroups} sections (and the
 * {@code pimEnabled} flags of {@code groups}); every built-in role and PIM group gets a policy, with the
 * documented defaults where the scenario has no entry.
 */
record ScenarioLoader(Directory directory, Instant now) {
  PimState load(Scenario scenario) {
    String tenantId = Json.text(scenario.section("tenant"), "id");
    PimState state = new PimState(tenantId != null ? tenantId : directory.tenantId());
    for (JsonNode group : scenario.section("groups")) {
      if (group.path("pimEnabled").asBoolean(false)) {
        state.pimGroups.add(group(group.path("id").asText(group.path("displayName").asText())).id()
            .toLowerCase(Locale.ROOT));
      }
    }
    JsonNode roles = scenario.section("directory");
    JsonNode groups = scenario.section("pimGroups");
    roles.path("roleAssignments").forEach(a -> state.instances.add(standingRole(a)));
    roles.path("eligibilities").forEach(e -> state.eligibilities.add(eligibility(e, roleTarget(e))));
    groups.path("eligibilities").forEach(e -> state.eligibilities.add(eligibility(e, groupTarget(e))));
    addPolicies(state, roles.path("policies"), groups.path("policies"));
    return state;
  }

  private void addPolicies(PimState state, JsonNode rolePolicies, JsonNode groupPolicies) {
    for (DirectoryRole role : DirectoryRoleCatalog.all()) {
      PimTarget target = PimTarget.directoryRole(role.id(), "/");
      JsonNode entry = find(rolePolicies, e -> roleTarget(e).sameAs(target));
      String id = "DirectoryRole_" + state.tenantId + "_" + PimIds.stableGuid(state.tenantId, role.id());
      state.policies.add(policy(id, target, entry, PolicySettings.directoryRoleDefaults(), "all"));
    }
    for (String groupId : state.pimGroups) {
      for (String access : List.of("member", "owner")) {
        PimTarget target = PimTarget.group(groupId, access);
        JsonNode entry = find(groupPolicies, e -> groupTarget(e).sameAs(target));
        String id = "Group_" + groupId + "_" + PimIds.stableGuid(groupId, access);
        state.policies.add(policy(id, target, entry, PolicySettings.groupDefaults(), "All"));
      }
    }
  }

  private RoleManagementPolicy policy(String id, PimTarget target, JsonNode entry, PolicySettings defaults,
      String operation) {
    PolicySettings settings = entry == null ? defaults : PolicySettings.from(entry, defaults);
    List<List<ObjectNode>> approvers = new ArrayList<>();
    for (List<String> stage : settings.approvalStages()) {
      List<ObjectNode> stageApprovers = new ArrayList<>();
      for (String reference : stage) {
        stageApprovers.add(approver(reference));
      }
      approvers.add(stageApprovers);
    }
    return new RoleManagementPolicy(id, target, PolicyRules.build(settings, approvers, operation));
  }

  private ObjectNode approver(String reference) {
    var principal = directory.principals().stream().filter(p -> matches(p, reference)).findFirst();
    if (principal.isPresent()) {
      return PolicyRules.approver(principal.get().id(), false, principal.get().displayName());
    }
    Group group = group(reference);
    return PolicyRules.approver(group.id(), true, group.displayName());
  }

  private ActiveInstance standingRole(JsonNode entry) {
    PimTarget target = roleTarget(entry);
    String principalId = principal(entry.path("principalId").asText());
    String id = PimIds.directoryAssignmentId(target.role(), principalId);
    return new ActiveInstance(id, id, principalId, target, "Assigned", null, null, null, true, now);
  }

  private Eligibility eligibility(JsonNode entry, PimTarget target) {
    String principalId = principal(entry.path("principalId").asText());
    String scheduleId = PimIds.stableGuid(principalId, target.toString());
    String id = target.isGroup() ? PimIds.groupScheduleId(target, scheduleId)
        : PimIds.directoryEligibilityId(target.role(), principalId);
    String end = Json.text(entry, "endDateTime");
    return new Eligibility(id, scheduleId, principalId, target, now,
        end == null ? null : OffsetDateTime.parse(end).toInstant(), null, now);
  }

  private PimTarget roleTarget(JsonNode entry) {
    String scope = entry.path("directoryScopeId").asText("/");
    return PimTarget.directoryRole(DirectoryRoleCatalog.resolve(entry.path("role").asText()).id(), scope);
  }

  private PimTarget groupTarget(JsonNode entry) {
    return PimTarget.group(group(entry.path("groupId").asText()).id(), entry.path("accessId").asText("member"));
  }

  private String principal(String reference) {
    return directory.principals().stream().filter(p -> matches(p, reference)).findFirst().map(Principal::id)
        .or(() -> directory.groups().stream().filter(g -> g.id().equalsIgnoreCase(reference)).findFirst()
            .map(Group::id))
        .orElseThrow(() -> new IllegalArgumentException("Unknown principal '" + reference + "' in the scenario's"
            + " directory or pimGroups section; use the object id or UPN of a user or service principal."))
        .toLowerCase(Locale.ROOT);
  }

  private static boolean matches(Principal p, String reference) {
    return p.id().equalsIgnoreCase(reference) || reference.equalsIgnoreCase(p.userPrincipalName())
        || reference.equalsIgnoreCase(p.appId());
  }

  private Group group(String reference) {
    return directory.groups().stream()
        .filter(g -> g.id().equalsIgnoreCase(reference) || g.displayName().equalsIgnoreCase(reference))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown group '" + reference + "' in the scenario; define"
            + " it in the groups section and refer to it by id or display name."));
  }

  private static JsonNode find(JsonNode entries, java.util.function.Predicate<JsonNode> test) {
    for (JsonNode entry : entries) {
      if (test.test(entry)) {
        return entry;
      }
    }
    return null;
  }
}
