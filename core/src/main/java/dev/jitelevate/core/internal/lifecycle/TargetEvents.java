package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;

/**
 * The events of one target of several, named: each step is tagged with the target's number ({@code verify[2]}),
 * and failures, retries and notices name the target. The target's own {@code Recorded} event is held back: the
 * whole elevation has one record, announced once by {@link MultiTarget}.
 */
final class TargetEvents implements ElevationListener {
  private final int number;
  private final String label;
  private final ElevationListener downstream;

  TargetEvents(int index, String label, ElevationListener downstream) {
    this.number = index + 1;
    this.label = label;
    this.downstream = downstream;
  }

  @Override
  public void on(ElevationEvent event) {
    ElevationEvent tagged = tag(event);
    if (tagged != null) {
      downstream.on(tagged);
    }
  }

  private ElevationEvent tag(ElevationEvent e) {
    if (e instanceof ElevationEvent.StepStarted s) {
      return new ElevationEvent.StepStarted(s.at(), step(s.step()), s.detail());
    }
    if (e instanceof ElevationEvent.StepFinished f) {
      return new ElevationEvent.StepFinished(f.at(), step(f.step()), f.took(), f.succeeded(),
          f.succeeded() || f.detail() == null || f.detail().isBlank() ? f.detail() : named(f.detail()));
    }
    if (e instanceof ElevationEvent.Waiting w) {
      return new ElevationEvent.Waiting(w.at(), step(w.step()), w.status(), w.elapsed(), w.deadline());
    }
    if (e instanceof ElevationEvent.Retrying r) {
      return new ElevationEvent.Retrying(r.at(), step(r.call()), r.attempt(), r.delay(), named(r.reason()));
    }
    if (e instanceof ElevationEvent.Notice n) {
      return new ElevationEvent.Notice(n.at(), n.level(), named(n.message()));
    }
    return e instanceof ElevationEvent.Recorded ? null : e;
  }

  private String step(String step) {
    return step + "[" + number + "]";
  }

  private String named(String text) {
    return label + ": " + text;
  }
}
