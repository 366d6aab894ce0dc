package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.internal.gateway.AccessSurface;
import dev.jitelevate.core.internal.retry.Backoff;
import dev.jitelevate.core.internal.retry.Retrier;
import java.time.Instant;

/**
 * What a step works with, apart from the run's data: the surface, the configuration, the event sink, the
 * record being built, and the poller and retrier sharing one backoff.
 */
record StepTools(AccessSurface surface, ElevatorConfig config, RunEvents events, RecordBuilder record, Poller poller,
    Retrier retrier) {

  /** Tools with a fresh backoff, poller and retrier over the configuration's clock, sleeper and random source. */
  static StepTools of(AccessSurface surface, ElevatorConfig config, RunEvents events, RecordBuilder record) {
    Backoff backoff = Backoff.polling(config.polling(), config.random());
    return new StepTools(surface, config, events, record, new Poller(config.clock(), config.sleeper(), backoff, events),
        new Retrier(config.clock(), config.sleeper(), backoff, events));
  }

  Instant now() {
    return config.clock().instant();
  }
}
