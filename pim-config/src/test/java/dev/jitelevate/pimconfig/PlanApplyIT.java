package dev.jitelevate.pimconfig;

import static dev.jitelevate.pimconfig.TenantFixture.RG_APP;
import static dev.jitelevate.pimconfig.TenantFixture.RG_DATA;
import static dev.jitelevate.pimconfig.TenantFixture.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanApplyIT {
  private static final TenantFixture FIXTURE = new TenantFixture();

  @BeforeEach
  void reset() {
    FIXTURE.emulator.reset();
  }

  @AfterAll
  static void stop() {
    FIXTURE.emulator.close();
  }

  private static PimConfig imported() {
    return PimConfig.parse(new Importer(FIXTURE.tenant()).read(List.of(SUBSCRIPTION), "pim.yaml").toYaml(), "pim.yaml");
  }

  private static Plan plan(PimConfig config) {
    return new Planner(FIXTURE.tenant()).plan(config, false);
  }

  @Test
  void importedFilePlansWithoutChanges() {
    PimConfig config = imported();

    Plan plan = plan(config);

    assertThat(config.azureAssignments()).extracting(AzureRoleAssignment::describe).contains(
        "eligible Contributor for alice@contoso-emu.onmicrosoft.com at " + SUBSCRIPTION,
        "eligible Key Vault Secrets Officer for alice@contoso-emu.onmicrosoft.com at " + RG_APP);
    assertThat(config.toYaml()).contains("approvers:\n        - bob@contoso-emu.onmicrosoft.com");
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.undeclared()).isEmpty();
    assertThat(plan.render()).contains("No changes");
  }

  @Test
  void anEditPlansAsExactlyThatEditAndApplyConverges() throws InterruptedException {
    String yaml = imported().toYaml().replaceFirst("maximumActivation: PT8H", "maximumActivation: PT4H")
        .replace("  policies:\n", """
                - principal: grp-prod-admins
                  role: Reader
                  scope: %s
                  type: eligible
                  duration: P90D
              policies:
            """.formatted(RG_DATA));
    PimConfig edited = PimConfig.parse(yaml, "pim.yaml");

    Plan plan = plan(edited);

    assertThat(plan.changes()).extracting(Change::action, Change::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ChangeAction.CREATE, "eligible Reader for grp-prod-admins at " + RG_DATA),
        org.assertj.core.groups.Tuple.tuple(ChangeAction.UPDATE, "policy of Contributor at " + SUBSCRIPTION));
    assertThat(plan.changes().get(1).details()).containsExactly(new Change.Detail("maximumActivation", "PT8H", "PT4H"));
    assertThat(plan.render()).contains("+ eligible Reader for grp-prod-admins", "~ policy of Contributor",
        "maximumActivation: PT8H → PT4H", "Plan: 1 to create, 1 to update, 0 to remove.");

    ApplyResult result = FIXTURE.applier().apply(edited, false, Optional.of(plan.fingerprint()), e -> { });

    assertThat(result.events()).extracting(ApplyEvent::outcome).containsOnly(ApplyEvent.Outcome.APPLIED);
    assertThat(result.converged()).isTrue();
    assertThat(plan(edited).hasChanges()).isFalse();
  }

  @Test
  void applyingTwiceChangesNothingTheSecondTime() throws InterruptedException {
    PimConfig config = withActiveReader(Duration.ofDays(30));
    FIXTURE.applier().apply(config, false, Optional.empty(), e -> { });

    ApplyResult again = FIXTURE.applier().apply(config, false, Optional.empty(), e -> { });

    assertThat(again.events()).isEmpty();
    assertThat(again.converged()).isTrue();
  }

  @Test
  void aRemovalInsidePimsFiveMinuteFloorConvergesAfterIt() throws InterruptedException {
    String before = imported().toYaml();
    FIXTURE.applier().apply(withActiveReader(Duration.ofDays(30)), false, Optional.empty(), e -> { });
    PimConfig keepingScope = PimConfig.parse(before.replace("  policies:\n", """
              policies:
                - role: Reader
                  scope: %s
            """.formatted(RG_DATA)), "pim.yaml");
    assertThat(plan(keepingScope).undeclared()).extracting(Change::subject)
        .containsExactly("active Reader for grp-prod-admins at " + RG_DATA);
    List<ApplyEvent> events = new ArrayList<>();

    ApplyResult result = FIXTURE.applier().apply(keepingScope, true, Optional.empty(), events::add);

    assertThat(events).extracting(ApplyEvent::outcome)
        .containsExactly(ApplyEvent.Outcome.WAITING, ApplyEvent.Outcome.APPLIED);
    assertThat(result.converged()).isTrue();
    assertThat(plan(keepingScope).undeclared()).isEmpty();
  }

  @Test
  void aSavedPlanIsRefusedOnceTheTenantChanged() throws InterruptedException {
    PimConfig config = withActiveReader(Duration.ofDays(30));
    Plan saved = plan(config);
    FIXTURE.applier().apply(config, false, Optional.empty(), e -> { });

    assertThatThrownBy(() -> FIXTURE.applier().apply(config, false, Optional.of(saved.fingerprint()), e -> { }))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("pim plan");
  }

  @Test
  void anUnknownGroupIsRefusedWithItsLine() {
    PimConfig config = PimConfig.parse("""
        version: 1
        azureRoles:
          assignments:
            - principal: grp-nobody
              role: Reader
              scope: %s
              type: eligible
        """.formatted(RG_DATA), "pim.yaml");

    assertThatThrownBy(() -> plan(config))
        .isInstanceOf(PimConfigException.class)
        .hasMessageStartingWith("pim.yaml:4: No principal 'grp-nobody'")
        .hasMessageContaining("display name");
  }

  @Test
  void anUnknownRoleAndAMissingScopeAreRefusedWithTheirLines() {
    String yaml = """
        version: 1
        azureRoles:
          assignments:
            - principal: grp-prod-admins
              role: %s
              scope: %s
              type: eligible
        """;

    assertThatThrownBy(() -> plan(PimConfig.parse(yaml.formatted("Janitor", RG_DATA), "pim.yaml")))
        .hasMessageStartingWith("pim.yaml:4: No role named 'Janitor'");
    assertThatThrownBy(() -> plan(PimConfig.parse(yaml.formatted("Reader", SUBSCRIPTION + "/resourceGroups/rg-nope"), "pim.yaml")))
        .hasMessageStartingWith("pim.yaml:4: The scope")
        .hasMessageContaining("does not exist");
  }

  private static PimConfig withActiveReader(Duration duration) {
    return PimConfig.parse("""
        version: 1
        azureRoles:
          assignments:
            - principal: grp-prod-admins
              role: Reader
              scope: %s
              type: active
              duration: %s
        """.formatted(RG_DATA, IsoDurations.format(duration)), "pim.yaml");
  }
}
