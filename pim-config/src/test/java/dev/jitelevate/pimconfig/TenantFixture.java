package dev.jitelevate.pimconfig;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** The demo tenant in an emulator, signed in as its broker (User Access Administrator on the subscription). */
final class TenantFixture {
  static final String SUBSCRIPTION = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String RG_APP = SUBSCRIPTION + "/resourceGroups/rg-app";
  static final String RG_DATA = SUBSCRIPTION + "/resourceGroups/rg-data";
  private static final String BROKER_APP_ID = "b0b0b0b0-0000-4000-8000-0000000000a1";
  private static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";

  static final String AU_EMEA = "a0a0a0a0-0000-4000-8000-00000000e0e0";
  final PimEmulator emulator = PimEmulator.builder().scenario(scenario(Scenario.demo())).start();
  final CloudProfile cloud = CloudProfile.parse(emulator.profileJson());

  /**
   * The demo tenant as PIM as code needs it: the broker may also write directory role and group policies and group
   * eligibilities, there is an administrative unit, a second PIM-managed group, and small pages (every list is read
   * across several pages).
   */
  static Scenario scenario(Scenario base) {
    ObjectNode root = base.root().deepCopy();
    for (JsonNode sp : root.path("servicePrincipals")) {
      if (sp.path("displayName").asText().equals("jit-broker")) {
        ArrayNode roles = (ArrayNode) sp.get("appRoles");
        List.of("RoleManagementPolicy.ReadWrite.Directory", "RoleManagementPolicy.ReadWrite.AzureADGroup",
            "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup").forEach(roles::add);
      }
    }
    root.putArray("administrativeUnits").addObject().put("id", AU_EMEA).put("displayName", "au-emea");
    ((ArrayNode) root.get("groups")).addObject().put("id", "9a9a9a9a-0000-4000-8000-000000000002")
        .put("displayName", "grp-helpdesk").put("isAssignableToRole", true).put("pimEnabled", true)
        .putArray("members");
    return new Scenario(root).withPageSize(2);
  }

  PimTenant tenant() {
    return PimTenant.connect(cloud, Credentials.clientSecret(cloud, emulator.tenantId(), BROKER_APP_ID, BROKER_SECRET));
  }

  /** The emulator's clock, which tests move forward instead of waiting. */
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return emulator.clock().now();
      }
    };
  }

  Applier applier() {
    return new Applier(tenant(), clock(), d -> emulator.clock().advance(d), Duration.ofMinutes(15));
  }
}
