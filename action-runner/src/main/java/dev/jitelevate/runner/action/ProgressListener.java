package dev.jitelevate.runner.action;

import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the lifecycle's events in the step log: masks registered secrets before anything else, one line
 * per step, and while waiting a progress line with the elapsed time and the deadline at most every
 * {@link #PROGRESS_EVERY} per step (or when the status changes), so long waits show life without a flood.
 */
final class ProgressListener implements ElevationListener {
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private final WorkflowLog log;
  private final Clock clock;
  private final Map<String, Instant> lastProgress = new HashMap<>();
  private final Map<String, String> lastStatus = new HashMap<>();
  /** The detail (usually the target) of the last step started: the group title names it once. */
  private volatile String lastStarted = "";
  /** The group title just named the target, so the next step's line does not repeat it. */
  private volatile boolean namedInTitle;

  ProgressListener(WorkflowLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** The group title that follows names the target (by its role's name): the steps' lines will not repeat it. */
  void targetNamedInTitle() {
    namedInTitle = true;
  }

  @Override
  public void on(ElevationEvent event) {
    try {
      render(event);
    } catch (RuntimeException e) {
      // A listener must not throw into the lifecycle; a lost log line is the lesser harm.
    }
  }

  private void render(ElevationEvent event) {
    if (event instanceof ElevationEvent.SecretRegistered s) {
      log.mask(s.value());
    } else if (event instanceof ElevationEvent.StepStarted s) {
      log.info("\u25B6 " + s.step() + (namedInTitle || s.detail().equals(lastStarted) ? "" : detail(s.detail())));
      lastStarted = s.detail();
      namedInTitle = false;
    } else if (event instanceof ElevationEvent.StepFinished s) {
      log.info((s.succeeded() ? "\u2714 " : "\u2716 ") + s.step() + " (" + Durations.format(s.took()) + ")" + detail(s.detail()));
    } else if (event instanceof ElevationEvent.Waiting w) {
      waiting(w);
    } else if (event instanceof ElevationEvent.Retrying r) {
      log.info("\u21BB " + clean(r.call()) + ": attempt " + r.attempt() + " in " + Durations.format(r.delay()) + detail(r.reason()));
    } else if (event instanceof ElevationEvent.Notice n) {
      if (n.level() == ElevationEvent.Level.WARNING) {
        log.warning("jit-elevate", clean(n.message()));
      } else {
        log.info(clean(n.message()));
      }
    }
  }

  private synchronized void waiting(ElevationEvent.Waiting w) {
    Instant now = clock.instant();
    Instant last = lastProgress.get(w.step());
    boolean changed = !w.status().equals(lastStatus.get(w.step()));
    if (!changed && last != null && Duration.between(last, now).compareTo(PROGRESS_EVERY) < 0) {
      return;
    }
    lastProgress.put(w.step(), now);
    lastStatus.put(w.step(), w.status());
    Duration left = Duration.between(w.at(), w.deadline());
    log.info("\u2026 " + clean(w.step()) + ": " + clean(w.status()) + ", waited " + Durations.format(round(w.elapsed()))
        + ", deadline " + w.deadline().truncatedTo(ChronoUnit.SECONDS) + " (in " + Durations.format(round(left)) + ")");
  }

  private static Duration round(Duration d) {
    return d.isNegative() ? Duration.ZERO : Duration.ofSeconds(d.getSeconds());
  }

  private static String detail(String text) {
    String d = clean(text);
    return d.isEmpty() ? "" : ": " + d;
  }

  private static String clean(String text) {
    return UntrustedText.neutralize(text, 300);
  }
}
