package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The failures of an elevation with several targets, in the order they happened: the first keeps the later ones suppressed. */
final class Faults {
  /** A failure and the target it happened on. */
  record Fault(TargetSlot slot, ElevationException error) {}

  private final List<Fault> list = new ArrayList<>();

  synchronized void add(TargetSlot slot, ElevationException e) {
    if (list.stream().anyMatch(f -> f.error() == e)) {
      return;
    }
    if (!list.isEmpty()) {
      list.get(0).error().addSuppressed(e);
    }
    list.add(new Fault(slot, e));
  }

  synchronized Optional<Fault> first() {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  synchronized List<Fault> all() {
    return List.copyOf(list);
  }
}
