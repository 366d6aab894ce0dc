package dev.jitelevate.core.testing;

import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when the sleeper sleeps or a test moves it, recording each sleep: time for the
 * lifecycle's, retry and throttle tests.
 */
public final class ManualTime extends Clock implements Sleeper {
  /** Now; a test may set it to move time without a sleep. */
  public volatile Instant now;
  /** Every sleep asked for, in order. */
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  /** When set, the next sleep throws InterruptedException (a cancelled wait). */
  public volatile boolean interruptNextSleep;

  public ManualTime(Instant start) {
    this.now = start;
  }

  /** Moves time forward without a sleep. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (interruptNextSleep) {
      interruptNextSleep = false;
      throw new InterruptedException("test interrupt");
    }
    sleeps.add(duration);
    advance(duration);
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
