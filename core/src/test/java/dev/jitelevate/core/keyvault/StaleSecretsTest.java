package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.keyvault.StaleSecret.Kind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaleSecretsTest {
  static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
  static final VaultAddress VAULT = new VaultAddress(URI.create("https://kv-prod.vault.azure.net/"), true);

  static StaleSecrets.Listed secret(String name, int ageDays, Integer expiresInDays, boolean enabled, boolean managed) {
    return new StaleSecrets.Listed(name, enabled, managed, NOW.minus(Duration.ofDays(ageDays)), Optional.empty(),
        Optional.ofNullable(expiresInDays).map(d -> NOW.plus(Duration.ofDays(d))), Optional.of("text/plain"),
        Map.of("owner", "payments"));
  }

  StaleSecretsReport classify(StaleSecrets.Listed... listed) {
    return StaleSecrets.classify(VAULT, List.of(listed), StalenessPolicy.DEFAULTS, NOW);
  }

  @Test
  void flagsASecretLastRotatedLongerAgoThanTheMaximumAge() {
    StaleSecretsReport report = classify(secret("db-password", 120, null, true, false), secret("fresh", 10, null, true, false));

    assertThat(report.names()).containsExactly("db-password");
    assertThat(report.stale().get(0).why()).isEqualTo("last rotated 120 days ago (2026-08-07), more than 90 days");
    assertThat(report.examined()).isEqualTo(2);
  }

  @Test
  void flagsExpiredAndSoonExpiringSecretsWithTheirDates() {
    StaleSecretsReport report = classify(secret("expired", 10, -3, true, false), secret("soon", 10, 12, true, false),
        secret("later", 10, 45, true, false));

    assertThat(report.names()).containsExactly("expired", "soon");
    assertThat(report.stale().get(0).reasons()).extracting(StaleSecret.Reason::kind).containsExactly(Kind.EXPIRED);
    assertThat(report.stale().get(0).why()).isEqualTo("expired 3 days ago (2026-12-02)");
    assertThat(report.stale().get(1).why()).isEqualTo("expires in 12 days (2026-12-17), within 30 days");
  }

  @Test
  void givesEveryReasonThatApplies() {
    StaleSecretsReport report = classify(secret("both", 200, 5, true, false));

    assertThat(report.stale().get(0).reasons()).extracting(StaleSecret.Reason::kind)
        .containsExactly(Kind.EXPIRING_SOON, Kind.OLDER_THAN_MAX_AGE);
  }

  @Test
  void leavesOutDisabledAndCertificateManagedSecretsSayingWhy() {
    StaleSecretsReport report = classify(secret("off", 400, null, false, false), secret("cert", 400, null, true, true));

    assertThat(report.stale()).isEmpty();
    assertThat(report.ignored()).extracting(StaleSecretsReport.Ignored::name).containsExactly("off", "cert");
    assertThat(report.ignored().get(0).why()).contains("disabled");
    assertThat(report.ignored().get(1).why()).contains("certificate");
  }

  @Test
  void keepsMetadataButHasNoPlaceForAValue() {
    StaleSecret stale = classify(secret("db-password", 120, null, true, false)).stale().get(0);

    assertThat(stale.tags()).containsEntry("owner", "payments");
    assertThat(stale.contentType()).contains("text/plain");
    assertThat(StaleSecret.class.getRecordComponents()).extracting(c -> c.getName()).doesNotContain("value");
  }

  @Test
  void refusesANonPositiveMaximumAge() {
    assertThatThrownBy(() -> new StalenessPolicy(Duration.ZERO, Duration.ofDays(30)))
        .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("--max-age 90d");
  }
}
