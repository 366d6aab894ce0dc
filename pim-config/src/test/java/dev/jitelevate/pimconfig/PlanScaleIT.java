package dev.jitelevate.pimconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The scale goal: a plan over 1,000 assignments on the three surfaces (800 Azure role, 100 directory role and
 * 100 PIM for Groups eligibilities, each principal a group by display name) read in pages of {@value #PAGE}, in under
 * 10 s. The time is measured from a fresh sign-in (token, TLS, every read) and printed for BENCHMARKS.md; the
 * assertion allows for a loaded CI machine.
 */
class PlanScaleIT {
  private static final int AZURE = 800;
  private static final int DIRECTORY = 100;
  private static final int GROUPS = 100;
  private static final int PIM_GROUPS = 10;
  private static final int PAGE = 50;
  private static final String SCOPE = TenantFixture.RG_DATA;

  @Test
  void plansAThousandAssignmentsOnThreeSurfacesReadInPagesWithoutDrift() {
    try (PimEmulator emulator = PimEmulator.builder().scenario(scenario()).start()) {
      CloudProfile cloud = CloudProfile.parse(emulator.profileJson());
      PimConfig config = PimConfig.parse(file(), "bench.yaml");

      long start = System.nanoTime();
      PimTenant tenant = PimTenant.connect(cloud, Credentials.clientSecret(cloud, emulator.tenantId(),
          "b0b0b0b0-0000-4000-8000-0000000000a1", "demo-broker-secret-7f3e9c21"));
      Plan plan = new Planner(tenant).plan(config, false);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      System.out.println("pim plan over " + config.assignments().size() + " assignments in pages of " + PAGE + ": "
          + took.toMillis() + " ms");
      assertThat(config.assignments()).hasSize(AZURE + DIRECTORY + GROUPS);
      assertThat(plan.hasDrift()).as(plan.render()).isFalse();
    }
  }

  private static String file() {
    StringBuilder yaml = new StringBuilder("version: 1\nazureRoles:\n  assignments:\n");
    for (int i = 0; i < AZURE; i++) {
      yaml.append("    - {principal: ").append(name(i)).append(", role: Reader, scope: '").append(SCOPE)
          .append("', type: eligible}\n");
    }
    yaml.append("directoryRoles:\n  assignments:\n");
    for (int i = AZURE; i < AZURE + DIRECTORY; i++) {
      yaml.append("    - {principal: ").append(name(i)).append(", role: Helpdesk Administrator, type: eligible}\n");
    }
    yaml.append("groups:\n  assignments:\n");
    for (int i = AZURE + DIRECTORY; i < AZURE + DIRECTORY + GROUPS; i++) {
      yaml.append("    - {principal: ").append(name(i)).append(", group: ").append(pimGroup(i))
          .append(", access: member, type: eligible}\n");
    }
    return yaml.toString();
  }

  private static Scenario scenario() {
    ObjectNode root = TenantFixture.scenario(Scenario.demo()).root().deepCopy();
    ArrayNode groups = (ArrayNode) root.get("groups");
    ArrayNode arm = (ArrayNode) root.with("arm").get("eligibilities");
    ArrayNode directory = (ArrayNode) root.with("directory").get("eligibilities");
    ArrayNode pim = (ArrayNode) root.with("pimGroups").get("eligibilities");
    for (int g = 0; g < PIM_GROUPS; g++) {
      groups.addObject().put("id", String.format("9c9c9c9c-0000-4000-8000-%012d", g))
          .put("displayName", "grp-pim-" + g).put("isAssignableToRole", false).put("pimEnabled", true)
          .putArray("members");
    }
    for (int i = 0; i < AZURE + DIRECTORY + GROUPS; i++) {
      String id = String.format("9b9b9b9b-0000-4000-8000-%012d", i);
      groups.addObject().put("id", id).put("displayName", name(i)).put("isAssignableToRole", true)
          .put("pimEnabled", false).putArray("members");
      if (i < AZURE) {
        arm.addObject().put("principalId", id).put("role", "Reader").put("scope", SCOPE).putNull("endDateTime");
      } else if (i < AZURE + DIRECTORY) {
        directory.addObject().put("principalId", id).put("role", "Helpdesk Administrator").put("directoryScopeId", "/");
      } else {
        pim.addObject().put("principalId", id).put("groupId", pimGroup(i)).put("accessId", "member");
      }
    }
    return new Scenario(root).withPageSize(PAGE);
  }

  private static String name(int i) {
    return String.format("grp-bench-%04d", i);
  }

  private static String pimGroup(int i) {
    return "grp-pim-" + (i % PIM_GROUPS);
  }
}
