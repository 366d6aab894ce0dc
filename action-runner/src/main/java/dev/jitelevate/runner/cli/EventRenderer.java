package dev.jitelevate.runner.cli;

import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the lifecycle's events for a terminal: one line per step, and while waiting one line when the
 * status changes and then every {@link #WAITING_EVERY} at most, never a flood. Secrets announced by
 * {@link ElevationEvent.SecretRegistered} are registered with the console's redactor before anything else
 * is printed, and never shown themselves.
 */
public final class EventRenderer implements ElevationListener {
  /** How often a still-unchanged wait is reported. */
  public static final Duration WAITING_EVERY = Duration.ofSeconds(5);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Console console;
  private final boolean quiet;
  private final Map<String, Duration> lastWaitShown = new HashMap<>();
  private final Map<String, String> lastStatus = new HashMap<>();
  private String lastStartDetail = "";

  public EventRenderer(Console console) {
    this(console, false);
  }

  /** @param quiet register secrets but print nothing */
  public EventRenderer(Console console, boolean quiet) {
    this.console = console;
    this.quiet = quiet;
  }

  @Override
  public synchronized void on(ElevationEvent event) {
    if (event instanceof ElevationEvent.SecretRegistered secret) {
      console.redactor().register(secret.value());
      return;
    }
    String line = render(event).stripTrailing();
    if (!quiet && !line.isEmpty()) {
      console.progress(line);
    }
  }

  /** Returns the line for an event, or empty when it is not worth a line (a repeated wait). */
  String render(ElevationEvent event) {
    if (event instanceof ElevationEvent.StepStarted s) {
      lastWaitShown.remove(s.step());
      lastStatus.remove(s.step());
      String shown = s.detail() == null || s.detail().equals(lastStartDetail) ? "" : s.detail();
      lastStartDetail = s.detail() == null ? "" : s.detail();
      return prefix(s.at(), "->", s.step()) + (shown.isEmpty() ? "" : shown);
    }
    if (event instanceof ElevationEvent.StepFinished f) {
      return prefix(f.at(), f.succeeded() ? "ok" : "!!", f.step()) + (f.succeeded() ? "done" : "FAILED")
          + " in " + took(f.took()) + detail(f.detail());
    }
    if (event instanceof ElevationEvent.Waiting w) {
      return waiting(w);
    }
    if (event instanceof ElevationEvent.Retrying r) {
      return prefix(r.at(), "..", r.call()) + "retry " + r.attempt() + " in " + took(r.delay()) + detail(r.reason());
    }
    if (event instanceof ElevationEvent.Notice n) {
      return prefix(n.at(), n.level() == ElevationEvent.Level.WARNING ? "!!" : "--",
          n.level().name().toLowerCase(Locale.ROOT)) + n.message();
    }
    return "";
  }

  private String waiting(ElevationEvent.Waiting w) {
    String status = w.status() == null ? "" : w.status();
    boolean changed = !status.equals(lastStatus.get(w.step()));
    Duration last = lastWaitShown.get(w.step());
    if (!changed && last != null && w.elapsed().minus(last).compareTo(WAITING_EVERY) < 0) {
      return "";
    }
    lastStatus.put(w.step(), status);
    lastWaitShown.put(w.step(), w.elapsed());
    Duration left = w.deadline() == null ? Duration.ZERO : Duration.between(w.at(), w.deadline());
    return prefix(w.at(), "..", w.step()) + "waiting: " + status + " (" + took(w.elapsed()) + " elapsed, deadline in "
        + Durations.format(left.isNegative() ? Duration.ZERO : left) + ")";
  }

  private static String prefix(Instant at, String mark, String step) {
    return CLOCK.format(at) + " " + mark + " " + String.format("%-9s", step) + " ";
  }

  private static String detail(String text) {
    return text == null || text.isBlank() ? "" : ": " + text;
  }

  /** Formats a duration for people: {@code 350ms}, {@code 2.4s}, {@code 1m05s}. */
  static String took(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    return Durations.format(d);
  }
}
