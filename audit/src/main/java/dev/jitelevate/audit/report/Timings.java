package dev.jitelevate.audit.report;

import dev.jitelevate.audit.report.ActivationReport.Bin;
import dev.jitelevate.audit.report.ActivationReport.Timing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects durations and summarises them: nearest-rank percentiles and a histogram with round bin widths. */
final class Timings {
  private static final int TARGET_BINS = 12;
  private static final long[] STEPS = {1, 2, 5};

  private long[] values = new long[64];
  private int size;

  void add(long millis) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = Math.max(0, millis);
  }

  void addAll(Timings other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  Timing summary() {
    if (size == 0) {
      return new Timing(0, 0, 0, 0, List.of());
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    long max = sorted[size - 1];
    return new Timing(size, percentile(sorted, 50), percentile(sorted, 95), max, histogram(sorted, max));
  }

  /** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static List<Bin> histogram(long[] sorted, long max) {
    long width = binWidth(max);
    int bins = (int) (max / width) + 1;
    long[] counts = new long[bins];
    for (long v : sorted) {
      counts[(int) (v / width)]++;
    }
    List<Bin> result = new ArrayList<>(bins);
    for (int i = 0; i < bins; i++) {
      result.add(new Bin(i * width, (i + 1) * width, counts[i]));
    }
    return result;
  }

  /** A 1-2-5 width (in ms, at least one second) giving about {@value #TARGET_BINS} bins up to the maximum. */
  static long binWidth(long max) {
    long raw = Math.max(1000, (max + TARGET_BINS - 1) / TARGET_BINS);
    for (long magnitude = 1000; ; magnitude *= 10) {
      for (long step : STEPS) {
        if (step * magnitude >= raw) {
          return step * magnitude;
        }
      }
    }
  }
}
