package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.internal.gateway.ApiCall;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The event sink of one run: forwards to the user's listener (a listener that throws cannot break the
 * lifecycle), and counts retries and API calls for the record.
 */
final class RunEvents implements ElevationListener, Consumer<ApiCall> {
  private final ElevationListener listener;
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger apiCalls = new AtomicInteger();

  RunEvents(ElevationListener listener) {
    this.listener = listener;
  }

  @Override
  public void on(ElevationEvent event) {
    if (event instanceof ElevationEvent.Retrying) {
      retries.incrementAndGet();
    }
    try {
      listener.on(event);
    } catch (RuntimeException ignored) {
      // A listener must not throw; if it does, the elevation still has to finish and revoke.
    }
  }

  @Override
  public void accept(ApiCall call) {
    apiCalls.incrementAndGet();
  }

  int retries() {
    return retries.get();
  }

  int apiCalls() {
    return apiCalls.get();
  }
}
