package dev.jitelevate.pimconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Directory roles and PIM for Groups as code against the emulator's Graph surface, every list read in pages of 2. */
class GraphSurfacesIT {
  private static final TenantFixture FIXTURE = new TenantFixture();
  private static final String ALICE = "alice@contoso-emu.onmicrosoft.com";
  private static final String BOB = "bob@contoso-emu.onmicrosoft.com";

  @BeforeEach
  void reset() {
    FIXTURE.emulator.reset();
  }

  @AfterAll
  static void stop() {
    FIXTURE.emulator.close();
  }

  private static PimConfig imported() {
    PimConfig config = new Importer(FIXTURE.tenant()).read(List.of(), true, List.of("grp-prod-admins", "grp-helpdesk"),
        "pim.yaml");
    return PimConfig.parse(config.toYaml(), "pim.yaml");
  }

  private static Plan plan(PimConfig config, boolean prune) {
    return new Planner(FIXTURE.tenant()).plan(config, prune);
  }

  @Test
  void importedDirectoryRolesAndGroupsPlanWithoutChanges() {
    PimConfig config = imported();

    Plan plan = plan(config, false);

    assertThat(config.directoryAssignments()).extracting(DirectoryRoleAssignment::describe).contains(
        "eligible User Administrator for " + ALICE + " in the tenant",
        "eligible Privileged Role Administrator for " + ALICE + " in the tenant");
    assertThat(config.groupAssignments()).extracting(GroupAssignment::describe).contains(
        "eligible member of grp-prod-admins for " + ALICE, "active owner of grp-prod-admins for " + BOB);
    assertThat(config.directoryPolicies()).extracting(DirectoryRolePolicy::role)
        .containsExactlyInAnyOrder("User Administrator", "Privileged Role Administrator");
    assertThat(config.groupPolicies()).hasSize(4);
    assertThat(config.toYaml()).contains("directoryRoles:", "groups:", "access: member");
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.undeclared()).isEmpty();
  }

  @Test
  void anEditOnBothGraphSurfacesPlansAsExactlyThatEditAndApplyConverges() throws InterruptedException {
    PimConfig base = imported();
    List<DirectoryRoleAssignment> directory = new ArrayList<>(base.directoryAssignments());
    directory.add(new DirectoryRoleAssignment("grp-helpdesk", "User Administrator", Optional.of("au-emea"),
        AssignmentKind.ELIGIBLE, Optional.empty(), Optional.of(Duration.ofDays(90)), Location.none()));
    List<GroupAssignment> groups = new ArrayList<>(base.groupAssignments());
    groups.add(new GroupAssignment(BOB, "grp-helpdesk", GroupAccess.MEMBER, AssignmentKind.ELIGIBLE, Optional.empty(),
        Optional.of(Duration.ofDays(30)), Location.none()));
    List<DirectoryRolePolicy> directoryPolicies = base.directoryPolicies().stream()
        .map(p -> p.role().equals("User Administrator") ? new DirectoryRolePolicy(p.role(),
            with(p.settings(), PolicySetting.MAXIMUM_ACTIVATION, "PT2H"), p.location()) : p).toList();
    List<GroupPolicy> groupPolicies = base.groupPolicies().stream()
        .map(p -> p.group().equals("grp-prod-admins") && p.access() == GroupAccess.MEMBER ? new GroupPolicy(p.group(),
            p.access(), with(with(p.settings(), PolicySetting.REQUIRE_APPROVAL, "true"), PolicySetting.APPROVERS, BOB),
            p.location()) : p).toList();
    PimConfig edited = PimConfig.parse(new PimConfig("pim.yaml", List.of(), List.of(), List.of(), directory,
        directoryPolicies, groups, groupPolicies).toYaml(), "pim.yaml");

    Plan plan = plan(edited, false);

    assertThat(plan.changes()).extracting(Change::surface, Change::action, Change::subject).containsExactly(
        tuple(Surface.DIRECTORY_ROLES, ChangeAction.CREATE,
            "eligible User Administrator for grp-helpdesk in administrative unit au-emea"),
        tuple(Surface.GROUPS, ChangeAction.CREATE, "eligible member of grp-helpdesk for " + BOB),
        tuple(Surface.DIRECTORY_ROLES, ChangeAction.UPDATE, "policy of User Administrator in the tenant"),
        tuple(Surface.GROUPS, ChangeAction.UPDATE, "policy of member of grp-prod-admins"));
    assertThat(plan.changes().get(2).details()).containsExactly(new Change.Detail("maximumActivation", "PT8H", "PT2H"));
    assertThat(plan.changes().get(3).details()).containsExactly(
        new Change.Detail("requireApproval", "false", "true"), new Change.Detail("approvers", "", BOB));
    assertThat(plan.render()).contains("Directory roles:", "PIM for Groups:", "maximumActivation: PT8H → PT2H",
        "Plan: 2 to create, 2 to update, 0 to remove.");

    ApplyResult result = FIXTURE.applier().apply(edited, false, Optional.of(plan.fingerprint()), e -> { });

    assertThat(result.events()).extracting(ApplyEvent::outcome).containsOnly(ApplyEvent.Outcome.APPLIED);
    assertThat(result.converged()).isTrue();
    assertThat(plan(edited, false).hasDrift()).isFalse();
  }

  @Test
  void removalsInsidePimsFiveMinuteFloorConvergeAfterItOnBothGraphSurfaces() throws InterruptedException {
    PimConfig base = imported();
    List<DirectoryRoleAssignment> directory = new ArrayList<>(base.directoryAssignments());
    directory.add(new DirectoryRoleAssignment(BOB, "User Administrator", Optional.empty(), AssignmentKind.ACTIVE,
        Optional.empty(), Optional.of(Duration.ofDays(1)), Location.none()));
    List<GroupAssignment> groups = new ArrayList<>(base.groupAssignments());
    groups.add(new GroupAssignment(BOB, "grp-helpdesk", GroupAccess.MEMBER, AssignmentKind.ACTIVE, Optional.empty(),
        Optional.of(Duration.ofDays(1)), Location.none()));
    PimConfig withActive = new PimConfig("pim.yaml", List.of(), List.of(), List.of(), directory,
        base.directoryPolicies(), groups, base.groupPolicies());
    assertThat(FIXTURE.applier().apply(withActive, false, Optional.empty(), e -> { }).converged()).isTrue();
    assertThat(plan(base, false).undeclared()).extracting(Change::subject).containsExactly(
        "active User Administrator for " + BOB + " in the tenant", "active member of grp-helpdesk for " + BOB);
    List<ApplyEvent> events = new ArrayList<>();

    ApplyResult result = FIXTURE.applier().apply(base, true, Optional.empty(), events::add);

    assertThat(events).extracting(ApplyEvent::outcome).containsExactly(ApplyEvent.Outcome.WAITING,
        ApplyEvent.Outcome.APPLIED, ApplyEvent.Outcome.APPLIED);
    assertThat(result.converged()).isTrue();
    assertThat(plan(base, false).hasDrift()).isFalse();
  }

  @Test
  void anUnknownDirectoryRoleAdministrativeUnitOrGroupIsRefusedWithItsLine() {
    String yaml = """
        version: 1
        directoryRoles:
          assignments:
            - principal: grp-helpdesk
              role: %s
              administrativeUnit: %s
              type: eligible
        """;

    assertThatThrownBy(() -> plan(PimConfig.parse(yaml.formatted("Janitor", "au-emea"), "pim.yaml"), false))
        .hasMessageStartingWith("pim.yaml:4: No directory role named 'Janitor'");
    assertThatThrownBy(() -> plan(PimConfig.parse(yaml.formatted("User Administrator", "au-nowhere"), "pim.yaml"), false))
        .hasMessageStartingWith("pim.yaml:4: No administrative unit 'au-nowhere'");
    assertThatThrownBy(() -> plan(PimConfig.parse("""
        version: 1
        groups:
          policies:
            - group: grp-nobody
              access: member
              requireApproval: true
        """, "pim.yaml"), false))
        .hasMessageStartingWith("pim.yaml:4: No principal 'grp-nobody'");
  }

  private static Map<PolicySetting, String> with(Map<PolicySetting, String> settings, PolicySetting s, String value) {
    Map<PolicySetting, String> copy = new LinkedHashMap<>(settings);
    copy.put(s, value);
    return copy;
  }
}
