package dev.jitelevate.emulator.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The armed fault rules; each matching request uses up one count of the first rule that matches. */
final class FaultRules {
  private final List<Armed> armed = new ArrayList<>();

  private static final class Armed {
    final FaultRule rule;
    int remaining;

    Armed(FaultRule rule) {
      this.rule = rule;
      this.remaining = rule.count();
    }
  }

  synchronized void add(FaultRule rule) {
    armed.add(new Armed(rule));
  }

  synchronized void clear() {
    armed.clear();
  }

  /** Takes one count of the first matching rule, if any. */
  synchronized Optional<FaultRule> take(String method, String path) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if (a.rule.matches(method, path)) {
        if (--a.remaining == 0) {
          it.remove();
        }
        return Optional.of(a.rule);
      }
    }
    return Optional.empty();
  }

  synchronized int pending() {
    return armed.stream().mapToInt(a -> a.remaining).sum();
  }
}
