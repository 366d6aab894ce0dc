package dev.jitelevate.core.testing;

import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the sleeper sleeps, recording each sleep: time for retry and throttle tests. */
public final class ManualTime extends Clock implements Sleeper {
  /** Now; a test may set it to move time without a sleep. */
  public Instant now;
  /** Every sleep asked for, in order. */
  public final List<Duration> sleeps = new ArrayList<>();

  public ManualTime(Instant start) {
    this.now = start;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
