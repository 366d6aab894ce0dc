package dev.jitelevate.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.audit.report.ActivationReport.Count;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path dir;

  @Nested
  class Aggregates {
    @Test
    void countsEveryRecordOncePerDayByOutcome() {
      GeneratedRecords.writeTo(dir, 300);

      ActivationReport report = Reports.build(List.of(dir));

      assertThat(report.records()).isEqualTo(300);
      assertThat(report.perDay().stream().mapToLong(ActivationReport.Day::total).sum()).isEqualTo(300);
      assertThat(report.perDay().get(0).date()).isEqualTo(LocalDate.of(2026, 10, 1));
      assertThat(report.perDay()).isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
      assertThat(report.revocations().stream().mapToLong(Count::count).sum()).isEqualTo(300);
      assertThat(report.topRequesters()).extracting(Count::name).contains("alice", "dependabot[bot]");
    }

    @Test
    void ranksRepositoriesMostFirstAndMatchesARecount() {
      GeneratedRecords.writeTo(dir, 200);
      long payments = java.util.stream.IntStream.range(0, 200)
          .filter(i -> "contoso/payments".equals(GeneratedRecords.record(i).ci().get("github.repository"))).count();

      ActivationReport report = Reports.build(List.of(dir));

      assertThat(report.topRepositories()).isSortedAccordingTo((a, b) -> Long.compare(b.count(), a.count()));
      assertThat(report.topRepositories()).contains(new Count("contoso/payments", payments));
    }

    @Test
    void listsFailuresNewestFirstWithTheirRequestIds() {
      GeneratedRecords.writeTo(dir, 300);

      ActivationReport report = Reports.build(List.of(dir));

      assertThat(report.failureCount()).isPositive().isEqualTo(report.failures().size());
      assertThat(report.failures()).isSortedAccordingTo((a, b) -> b.requested().compareTo(a.requested()));
      assertThat(report.failures()).allSatisfy(f -> assertThat(f.requestIds()).isNotEmpty());
      assertThat(report.failures()).filteredOn(f -> f.outcome().equals("DENIED"))
          .allSatisfy(f -> assertThat(f.azureRequestId()).isPresent());
    }

    @Test
    void measuresExposureOnlyFromRecordsThatCarryIt() {
      GeneratedRecords.writeTo(dir, 30);

      ActivationReport report = Reports.build(List.of(dir));

      assertThat(report.exposure().count()).isEqualTo(10);
      assertThat(report.exposure().p50Millis()).isGreaterThan(Duration.ofMinutes(30).toMillis());
    }

    @Test
    void timesToEffectiveAreNeverShorterThanToProvisioned() {
      GeneratedRecords.writeTo(dir, 100);

      ActivationReport report = Reports.build(List.of(dir));

      assertThat(report.timeToEffective().p50Millis()).isGreaterThan(report.timeToProvisioned().p50Millis());
      assertThat(report.timeToProvisioned().histogram().stream().mapToLong(ActivationReport.Bin::count).sum())
          .isEqualTo(report.timeToProvisioned().count());
    }
  }

  @Test
  void reportsFilesThatAreNotRecordsAndLeavesThemOutOfTheFigures() throws Exception {
    GeneratedRecords.writeTo(dir, 5);
    Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": \"2.0\"}");
    Files.writeString(dir.resolve("notes.json"), "not json");

    ActivationReport report = Reports.build(List.of(dir));

    assertThat(report.records()).isEqualTo(5);
    assertThat(report.skipped()).extracting(s -> Path.of(s.file()).getFileName().toString())
        .containsExactly("broken.json", "notes.json");
    assertThat(report.skipped().get(0).reason()).contains("2.0");
  }

  @Test
  void anEmptyFolderGivesAnEmptyReportRatherThanAnError() {
    ActivationReport report = Reports.build(List.of(dir));

    assertThat(report.records()).isZero();
    assertThat(report.timeToEffective().count()).isZero();
    assertThat(report.firstRequested()).isEmpty();
  }

  @Test
  void readingInParallelGivesTheSameReportAsReadingInOrder() {
    GeneratedRecords.writeTo(dir, 400);

    ActivationReport parallel = Reports.build(List.of(dir));
    ActivationReport sequential = Reports.of(dev.jitelevate.audit.Records.files(List.of(dir)).stream()
        .map(dev.jitelevate.audit.Records::readFile).toList());

    assertThat(ReportJson.toJson(parallel)).isEqualTo(ReportJson.toJson(sequential));
  }
}
