package dev.jitelevate.runner.action;

import dev.jitelevate.core.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The artifact client's retry policy from actions/toolkit: at most {@code attempts} tries of a call that answers
 * 429 or a 5xx or fails to connect, waiting {@code base × multiplier^n} plus a random part of up to
 * {@code (multiplier − 1)} times that in between. Other statuses fail at once.
 *
 * @param attempts how many times a call is tried in all
 * @param base the wait before the second try
 * @param multiplier how much each wait grows
 * @param sleeper waits (a fake in tests)
 * @param jitter a number in [0, 1) per wait
 */
record Backoff(int attempts, Duration base, double multiplier, Sleeper sleeper, DoubleSupplier jitter) {

  /** One HTTP call: the result or an {@link IOException}. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  /** A call answered with this status. */
  static final class HttpStatus extends IOException {
    private final int status;

    HttpStatus(String message, int status) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** The toolkit's artifact client: 5 attempts, 3 s × 1.5ⁿ with jitter. */
  static Backoff toolkit(Sleeper sleeper) {
    return new Backoff(5, Duration.ofSeconds(3), 1.5, sleeper, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Runs the call until it succeeds, fails for good, or has been tried {@code attempts} times.
   *
   * @throws IOException the last failure, its message saying how often it was tried
   */
  <T> T run(String what, Call<T> call) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.run();
      } catch (HttpStatus e) {
        if (!retryable(e.status()) || attempt + 1 >= attempts) {
          throw attempt == 0 ? e : new IOException(e.getMessage() + " (tried " + (attempt + 1) + " times)", e);
        }
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        if (attempt + 1 >= attempts) {
          throw new IOException(what + " failed " + (attempt + 1) + " times (" + e.getClass().getSimpleName() + ")", e);
        }
      }
      pause(attempt);
    }
  }

  /** The wait after the given (0-based) failed attempt. */
  Duration delay(int attempt) {
    double min = base.toMillis() * Math.pow(multiplier, attempt);
    return Duration.ofMillis((long) (min + jitter.getAsDouble() * (min * multiplier - min)));
  }

  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  private void pause(int attempt) throws IOException {
    try {
      sleeper.sleep(delay(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
