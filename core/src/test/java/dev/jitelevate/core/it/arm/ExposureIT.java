package dev.jitelevate.core.it.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The record says how long access may outlive the elevation: the tokens issued while it was active. */
class ExposureIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private static ElevationRequest request() {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", ArmEmulatorRun.RG_APP)
        .strategy(Strategy.SELF).duration(Duration.ofMinutes(30)).justification("rotate the db password")
        .provisioningTimeout(Duration.ofSeconds(5)).propagationTimeout(Duration.ofSeconds(5)).build();
  }

  private static String armScope() {
    String audience = run.cloud.resourceManagerAudience();
    return (audience.endsWith("/") ? audience : audience + "/") + ".default";
  }

  @Test
  void theRecordCountsTheTokensTheOperationObtainedAndSaysWhenAccessMayEnd() {
    List<AccessToken> obtained = new ArrayList<>();
    ElevationOutcome outcome = run.selfElevatorWithTokenLifetime(Duration.ofMinutes(60)).run(request(), context ->
        obtained.add(context.credentials().newCredential()
            .getTokenSync(new TokenRequestContext().addScopes(armScope()))));

    ActivationRecord record = outcome.record();
    assertThat(record.revocation().status()).isEqualTo(ActivationRecord.RevocationStatus.REVOKED);
    ActivationRecord.Exposure exposure = record.exposure().orElseThrow();
    Instant revoked = record.timeline().revoked().orElseThrow();
    Instant tokenExp = obtained.get(0).getExpiresAt().toInstant();
    assertThat(exposure.tokensIssued()).isGreaterThanOrEqualTo(1);
    assertThat(exposure.latestTokenExpiry()).hasValueSatisfying(latest -> assertThat(latest).isAfterOrEqualTo(tokenExp));
    assertThat(exposure.maxAccessTokenLifetime()).isEqualTo(Duration.ofMinutes(60));
    Instant byLifetime = revoked.plus(Duration.ofMinutes(60));
    Instant later = exposure.latestTokenExpiry().get().isAfter(byLifetime) ? exposure.latestTokenExpiry().get() : byLifetime;
    assertThat(exposure.accessMayPersistUntil()).isEqualTo(later);
    assertThat(exposure.explanation()).contains("stay valid until they expire").contains("1h");
    ArmEmulatorRun.assertValidRecord(record);
    assertThat(ActivationRecords.toJson(record)).doesNotContain(obtained.get(0).getToken());
  }

  @Test
  void theExposureSurvivesTheRoundTripThroughJson() {
    ActivationRecord record = run.selfElevator().run(request(), context -> {}).record();

    ActivationRecord read = ActivationRecords.fromJson(ActivationRecords.toJson(record));

    assertThat(read.exposure()).isEqualTo(record.exposure());
    assertThat(read.exposure().orElseThrow().maxAccessTokenLifetime()).isEqualTo(Duration.ofMinutes(90));
  }
}
