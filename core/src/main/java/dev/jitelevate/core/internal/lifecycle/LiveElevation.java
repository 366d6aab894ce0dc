package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.PrivilegedOperation;
import java.time.Instant;
import java.util.Optional;

/** A verified elevation held by the caller; closing it revokes it and completes the record. */
final class LiveElevation implements ActiveElevation {
  private final Run run;
  private final Acquired acquired;
  private final Lifecycle lifecycle;
  private boolean closed;

  LiveElevation(Run run, Acquired acquired, Lifecycle lifecycle) {
    this.run = run;
    this.acquired = acquired;
    this.lifecycle = lifecycle;
  }

  @Override
  public RevocationHandle handle() {
    return acquired.handle();
  }

  @Override
  public ActivationRecord record() {
    run.record.counts(run.events.retries(), run.events.apiCalls());
    return run.record.build();
  }

  @Override
  public Instant expiresAt() {
    return acquired.handle().expiresAt();
  }

  @Override
  public CredentialSource elevatedIdentity() {
    return run.config.identity();
  }

  @Override
  public synchronized Optional<ElevationException> perform(PrivilegedOperation operation) {
    if (closed) {
      throw new IllegalStateException("The elevation was revoked or detached; perform operations before close().");
    }
    return lifecycle.performHeld(run, operation);
  }

  @Override
  public synchronized void detach() {
    closed = true;
    if (run.guard != null) {
      run.guard.disarm();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    lifecycle.release(run);  // releases in its own finally, whatever the revoke throws
    if (run.failure().isPresent()) {
      ElevationException failure = run.failure().get();
      throw failure.attachRecord(run.record.build());
    }
  }
}
