package dev.jitelevate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles of a handful of samples (nearest rank). */
final class Stats {
  private Stats() {}

  static double median(List<Double> samples) {
    return percentile(samples, 50);
  }

  static double p95(List<Double> samples) {
    return percentile(samples, 95);
  }

  static double percentile(List<Double> samples, int p) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    if (p == 50 && sorted.size() % 2 == 0) {
      int i = sorted.size() / 2;
      return (sorted.get(i - 1) + sorted.get(i)) / 2;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
