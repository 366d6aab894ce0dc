package dev.jitelevate.audit.ship;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordRowTest {

  @Nested
  class Columns {
    @Test
    void rowsFillEveryColumnTheStreamDeclaresAndNoOther() {
      Set<String> filled = new LinkedHashSet<>();
      for (int i = 0; i < 60; i++) {
        filled.addAll(RecordRow.of(GeneratedRecords.number(i)).keySet());
      }
      assertThat(filled).containsExactlyInAnyOrderElementsOf(ShipFixture.streamColumns());
    }

    @Test
    void theTableHasTheStreamsColumnsSoTheRuleCanPassRowsThrough() {
      assertThat(ShipFixture.tableColumns()).containsExactlyElementsOf(ShipFixture.streamColumns());
    }

    @Test
    void absentValuesAreLeftOutRatherThanSentEmpty() {
      Map<String, Object> row = RecordRow.of(GeneratedRecords.number(1));
      assertThat(row).doesNotContainKeys("ApprovalId", "TicketNumber", "PullRequest");
      assertThat(row.values()).noneMatch(v -> v == null || "".equals(v));
    }

    @Test
    void mapsTheRecordsFieldsToTheirColumns() {
      ActivationRecord r = GeneratedRecords.number(4);
      Map<String, Object> row = RecordRow.of(r);
      assertThat(row).containsEntry("PrincipalId", r.principal().id())
          .containsEntry("TargetKind", "directory-role")
          .containsEntry("Outcome", "CANCELLED")
          .containsEntry("RevocationStatus", "PRE_EXISTING")
          .containsEntry("Repository", "contoso/repo-4")
          .containsEntry("PullRequest", "4")
          .containsEntry("RequestedSeconds", 3600L)
          .containsEntry("ErrorKind", "DENIED")
          .containsEntry("TimeGenerated", r.timeline().requested().toString());
      assertThat(row.get("RecordId")).isEqualTo(RecordRow.of(GeneratedRecords.number(4)).get("RecordId"))
          .isNotEqualTo(RecordRow.of(GeneratedRecords.number(5)).get("RecordId"));
    }
  }

  @Nested
  class Exposure {
    @Test
    void aRevokedElevationWasExposedFromProvisionedToRevoked() {
      ActivationRecord r = GeneratedRecords.number(0);
      Map<String, Object> row = RecordRow.of(r);
      assertThat(row).containsEntry("ExposureStart", r.timeline().provisioned().orElseThrow().toString())
          .containsEntry("ExposureEnd", r.timeline().revoked().orElseThrow().toString())
          .containsEntry("ExposureSeconds", 300L);
    }

    @Test
    void theRecordsOwnExposureSectionFillsTheTokenColumns() {
      ActivationRecord r = GeneratedRecords.number(0);
      java.time.Instant until = r.timeline().revoked().orElseThrow().plus(java.time.Duration.ofMinutes(90));
      ActivationRecord withSection = r.withExposure(java.util.Optional.of(new ActivationRecord.Exposure(3,
          java.util.Optional.empty(), java.time.Duration.ofMinutes(90), until, "tokens stay valid until they expire")));

      assertThat(RecordRow.of(withSection)).containsEntry("TokensIssuedDuringWindow", 3)
          .containsEntry("AccessMayPersistUntil", until.toString());
      assertThat(RecordRow.of(r.withExposure(java.util.Optional.empty()))).doesNotContainKey("AccessMayPersistUntil");
    }

    @Test
    void anElevationLeftToExpireOrNotRevokedIsExposedUntilItsExpiry() {
      ActivationRecord failed = GeneratedRecords.number(2);
      assertThat(failed.revocation().status()).isEqualTo(RevocationStatus.FAILED);
      assertThat(RecordRow.of(failed)).containsEntry("ExposureEnd", failed.revocation().expiresAt().orElseThrow().toString())
          .containsEntry("ExposureSeconds", 3600L);
    }

    @Test
    void nothingCreatedOrPreExistingHasNoExposureOfThisRun() {
      assertThat(RecordRow.of(GeneratedRecords.number(3))).doesNotContainKey("ExposureStart");
      assertThat(RecordRow.of(GeneratedRecords.number(5))).containsKey("ExposureStart");
      assertThat(ExposureWindow.of(GeneratedRecords.number(8))).isEmpty();
    }

    @Test
    void anUnknownEndMeansNoWindowRatherThanAGuess() {
      ActivationRecord r = GeneratedRecords.number(1);
      ActivationRecord noExpiry = new ActivationRecord(r.schemaVersion(), r.requestIds(), r.principal(), r.target(),
          r.strategy(), r.justification(), r.ticket(),
          new ActivationRecord.Window(r.window().requested(), Optional.of(Instant.EPOCH), Optional.empty()),
          r.timeline(), r.approval(), r.outcome(),
          new ActivationRecord.Revocation(ActivationRecord.RevocationStatus.LEFT_TO_EXPIRE, Optional.empty(), Optional.empty()),
          r.error(), r.retries(), r.apiCalls(), r.operation(), r.ci());
      assertThat(ExposureWindow.of(noExpiry)).isEmpty();
    }
  }
}
