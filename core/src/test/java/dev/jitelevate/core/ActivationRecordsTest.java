package dev.jitelevate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActivationRecordsTest {
  static final Instant T = Instant.parse("2026-11-25T05:00:00Z");

  static ActivationRecord full() {
    return new ActivationRecord("1.0", List.of("11111111-1111-4111-8111-111111111111"),
        new ActivationRecord.Principal("c1c1c1c1-0000-4000-8000-000000000001", Optional.of("ci"), Optional.of("ServicePrincipal")),
        new ActivationRecord.Target(ActivationRecord.TargetKind.AZURE_ROLE, Optional.of("/x/roleDefinitions/y"), Optional.of("Reader"), "/subscriptions/s",
            Optional.empty()),
        Strategy.BROKER, "why", Optional.of(new TicketInfo("OPS-1", "Jira")),
        new ActivationRecord.Window(Duration.ofMinutes(30), Optional.of(T), Optional.of(T.plusSeconds(1800))),
        new ActivationRecord.Timeline(T, Optional.of(T), Optional.empty(), Optional.of(T.plusSeconds(2)), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T.plusSeconds(9))),
        Optional.of(new ActivationRecord.Approval("a-1", Optional.empty(), Optional.of("Approve"), Optional.empty(), Optional.of(T))),
        ActivationRecord.Outcome.FAILED,
        new ActivationRecord.Revocation(ActivationRecord.RevocationStatus.LEFT_TO_EXPIRE, Optional.of(T.plusSeconds(1800)), Optional.of("left")),
        Optional.of(new ActivationRecord.Failure(FailureKind.OPERATION_FAILED, Optional.of("Code"), "boom", Optional.of("req"), List.of("x"))),
        3, 12, Map.of("name", "rotate", "notes", Map.of("version", "v2")), Map.of("runId", "42"));
  }

  @Nested
  class Records {
    @Test
    void roundTripThroughJsonWithIsoInstantsAndDurations() {
      String json = ActivationRecords.toJson(full());
      assertThat(json).contains("\"requested\" : \"PT30M\"").contains("\"2026-11-25T05:00:00Z\"");
      assertThat(json).doesNotContain("\"approved\"");
      assertThat(ActivationRecords.fromJson(json)).isEqualTo(full());
    }

    @Test
    void aRecordOfSeveralTargetsKeepsASectionPerTargetThroughJsonAndValidates() {
      ActivationRecord one = full();
      ActivationRecord.TargetSection failed = new ActivationRecord.TargetSection(
          new ActivationRecord.Target(ActivationRecord.TargetKind.GROUP, Optional.empty(), Optional.of("grp-ops"), "9a9a9a9a",
              Optional.of(GroupAccess.MEMBER)), List.of(), ActivationRecord.Outcome.DENIED, one.window(), one.timeline(),
          Optional.empty(), new ActivationRecord.Revocation(ActivationRecord.RevocationStatus.NOT_CREATED, Optional.empty(),
              Optional.empty()), one.error());
      ActivationRecord.TargetSection granted = new ActivationRecord.TargetSection(one.target(), one.requestIds(),
          ActivationRecord.Outcome.SUCCEEDED, one.window(), one.timeline(), one.approval(), one.revocation(), Optional.empty());
      ActivationRecord several = one.withTargets(List.of(granted, failed));

      String json = ActivationRecords.toJson(several);
      assertThat(json).contains("\"targets\"").contains("\"outcome\" : \"DENIED\"");
      assertThat(ActivationRecords.fromJson(json)).isEqualTo(several);
      assertThat(dev.jitelevate.core.testing.RecordSchema.errors(several)).isEmpty();
    }

    @Test
    void aRecordOfOneTargetHasNoTargetsSectionAndOlderRecordsStayValid() {
      assertThat(ActivationRecords.toJson(full())).doesNotContain("\"targets\"");
      assertThat(dev.jitelevate.core.testing.RecordSchema.errors(full())).isEmpty();
    }

    @Test
    void textThatIsNotARecordIsAnActionableError() {
      assertThatThrownBy(() -> ActivationRecords.fromJson("{\"schemaVersion\":\"2.0\"}"))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("schema version 2.0");
      assertThatThrownBy(() -> ActivationRecords.fromJson("not json"))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("not valid JSON");
    }
  }

  @Nested
  class Handles {
    @Test
    void roundTripThroughJson() {
      RevocationHandle h = new RevocationHandle(Strategy.SELF, RevocationHandle.Surface.GROUP, PrincipalId.of("a11ce000-0000-4000-8000-000000000001"),
          null, "9a9a9a9a-0000-4000-8000-000000000001", GroupAccess.MEMBER, "r-1", Optional.empty(), T, T.plusSeconds(600), true);
      String json = ActivationRecords.handleToJson(h);
      assertThat(json).doesNotContain("roleDefinitionId");
      assertThat(ActivationRecords.handleFromJson(json)).isEqualTo(h);
    }

    @Test
    void aHandleWithoutItsOwnershipFlagIsRefused() {
      assertThatThrownBy(() -> ActivationRecords.handleFromJson("{\"strategy\":\"broker\"}"))
          .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("createdByThisRun");
    }
  }
}
