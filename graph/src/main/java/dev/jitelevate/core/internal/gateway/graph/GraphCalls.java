package dev.jitelevate.core.internal.gateway.graph;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every Graph call of a surface goes through here: retried through transient failures by {@link TransientRetry}
 * (the only retry layer: the Kiota RetryHandler is left out of the client, see {@link GraphClients}), then
 * translated into the {@link ElevationException} tree.
 */
final class GraphCalls {
  private final TransientRetry retry;
  private final CallReporter reporter;

  GraphCalls(SurfaceContext context, CallReporter reporter) {
    this.retry = new TransientRetry(context);
    this.reporter = reporter;
  }

  /** Calls, retrying transient failures, and translates the failure that remains. */
  <T> T call(String operation, Supplier<T> call) {
    try {
      return retry.call(operation, call, GraphErrors::verdict);
    } catch (RuntimeException e) {
      throw GraphErrors.translate(operation, e, reporter.lastRequestId());
    }
  }

  /** Calls without a result. */
  void run(String operation, Runnable call) {
    call(operation, () -> {
      call.run();
      return Boolean.TRUE;
    });
  }

  /** The service's request id of this thread's last answer. */
  Optional<String> lastRequestId() {
    return reporter.lastRequestId();
  }
}
