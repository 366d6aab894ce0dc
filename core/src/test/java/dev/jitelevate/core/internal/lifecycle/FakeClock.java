package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told, and a sleeper that moves it instead of waiting. */
final class FakeClock extends Clock implements Sleeper {
  private Instant now;
  final List<Duration> sleeps = new ArrayList<>();
  /** Called after every sleep, e.g. to approve a request once some time has passed. */
  Runnable afterSleep = () -> {};
  /** When set, the next sleep throws InterruptedException. */
  boolean interruptNextSleep;

  FakeClock(Instant start) {
    this.now = start;
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized Instant instant() {
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

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (interruptNextSleep) {
      interruptNextSleep = false;
      throw new InterruptedException("test interrupt");
    }
    sleeps.add(duration);
    advance(duration);
    afterSleep.run();
  }
}
