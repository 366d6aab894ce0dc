package dev.jitelevate.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.audit.report.ActivationReport.Timing;
import org.junit.jupiter.api.Test;

class TimingsTest {
  @Test
  void takesNearestRankPercentiles() {
    Timings timings = new Timings();
    for (int i = 1; i <= 100; i++) {
      timings.add(i * 1000L);
    }

    Timing summary = timings.summary();

    assertThat(summary.p50Millis()).isEqualTo(50_000);
    assertThat(summary.p95Millis()).isEqualTo(95_000);
    assertThat(summary.maxMillis()).isEqualTo(100_000);
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    Timings timings = new Timings();
    timings.add(4200);

    assertThat(timings.summary()).extracting(Timing::p50Millis, Timing::p95Millis).containsExactly(4200L, 4200L);
  }

  @Test
  void binsAreRoundWidthsThatCoverTheMaximum() {
    assertThat(Timings.binWidth(10_000)).isEqualTo(1000);
    assertThat(Timings.binWidth(60_000)).isEqualTo(5000);
    assertThat(Timings.binWidth(3_600_000)).isEqualTo(500_000);
    Timings timings = new Timings();
    timings.add(0);
    timings.add(59_999);
    Timing summary = timings.summary();
    assertThat(summary.histogram().get(summary.histogram().size() - 1).toMillis()).isGreaterThan(59_999);
  }

  @Test
  void noValuesGiveZerosAndNoBins() {
    assertThat(new Timings().summary()).isEqualTo(new Timing(0, 0, 0, 0, java.util.List.of()));
  }
}
