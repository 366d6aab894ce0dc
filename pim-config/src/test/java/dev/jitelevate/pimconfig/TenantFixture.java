package dev.jitelevate.pimconfig;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.emulator.PimEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The demo tenant in an emulator, signed in as its broker (User Access Administrator on the subscription). */
final class TenantFixture {
  static final String SUBSCRIPTION = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  static final String RG_APP = SUBSCRIPTION + "/resourceGroups/rg-app";
  static final String RG_DATA = SUBSCRIPTION + "/resourceGroups/rg-data";
  private static final String BROKER_APP_ID = "b0b0b0b0-0000-4000-8000-0000000000a1";
  private static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";

  final PimEmulator emulator = PimEmulator.builder().start();
  final CloudProfile cloud = CloudProfile.parse(emulator.profileJson());

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
