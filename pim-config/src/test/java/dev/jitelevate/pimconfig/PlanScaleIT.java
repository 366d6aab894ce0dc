package dev.jitelevate.pimconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale goal: a plan over 1,000 assignments (each principal a group by display name) in under 10 s.
 * The measured time is printed for BENCHMARKS.md; the assertion allows for a loaded CI machine.
 */
class PlanScaleIT {
  private static final int ASSIGNMENTS = 1_000;
  private static final String SCOPE = TenantFixture.RG_DATA;

  @TempDir
  Path dir;

  @Test
  void plansAThousandAssignmentsWithinTheBudget() throws Exception {
    try (PimEmulator emulator = PimEmulator.builder().scenario(Scenario.file(scenario())).start()) {
      CloudProfile cloud = CloudProfile.parse(emulator.profileJson());
      PimTenant tenant = PimTenant.connect(cloud, Credentials.clientSecret(cloud, emulator.tenantId(),
          "b0b0b0b0-0000-4000-8000-0000000000a1", "demo-broker-secret-7f3e9c21"));
      StringBuilder yaml = new StringBuilder("version: 1\nazureRoles:\n  assignments:\n");
      for (int i = 0; i < ASSIGNMENTS; i++) {
        yaml.append("    - {principal: ").append(name(i)).append(", role: Reader, scope: '").append(SCOPE)
            .append("', type: eligible}\n");
      }
      PimConfig config = PimConfig.parse(yaml.toString(), "bench.yaml");

      long start = System.nanoTime();
      Plan plan = new Planner(tenant).plan(config, false);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      System.out.println("pim plan over " + ASSIGNMENTS + " assignments: " + took.toMillis() + " ms");
      assertThat(plan.hasChanges()).isFalse();
      assertThat(took).isLessThan(Duration.ofSeconds(30));
    }
  }

  private Path scenario() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root;
    try (InputStream in = PimEmulator.class.getResourceAsStream("/scenarios/demo.json")) {
      root = (ObjectNode) json.readTree(in);
    }
    ArrayNode groups = (ArrayNode) root.get("groups");
    ArrayNode eligibilities = (ArrayNode) root.with("arm").get("eligibilities");
    for (int i = 0; i < ASSIGNMENTS; i++) {
      String id = String.format("9b9b9b9b-0000-4000-8000-%012d", i);
      groups.addObject().put("id", id).put("displayName", name(i)).put("isAssignableToRole", true)
          .put("pimEnabled", false).putArray("members");
      eligibilities.addObject().put("principalId", id).put("role", "Reader").put("scope", SCOPE).putNull("endDateTime");
    }
    Path file = dir.resolve("scale.json");
    Files.writeString(file, json.writeValueAsString(root));
    return file;
  }

  private static String name(int i) {
    return String.format("grp-bench-%04d", i);
  }
}
