package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevations;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RevocationHandle;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Several verified elevations held as one; closing revokes them all in parallel and completes the one record. */
final class HeldElevations implements ActiveElevations {
  private final MultiTarget owner;
  private final List<TargetSlot> slots;
  private final Faults faults;
  private final TargetSlot performer;
  private String operationName;
  private boolean closed;
  private ActivationRecord last;

  HeldElevations(MultiTarget owner, List<TargetSlot> slots, Faults faults, String operationName) {
    this.owner = owner;
    this.slots = slots;
    this.faults = faults;
    this.operationName = operationName;
    // ARM checks the operation's declared actions: perform under the first Azure role, else the first target.
    this.performer = slots.stream().filter(s -> s.request.target() instanceof ElevationTarget.AzureRole).findFirst()
        .orElse(slots.get(0));
  }

  @Override
  public List<dev.jitelevate.core.ActiveElevation> elevations() {
    return slots.stream().map(s -> s.active).filter(Objects::nonNull).toList();
  }

  @Override
  public List<RevocationHandle> handles() {
    return slots.stream().map(s -> s.active).filter(Objects::nonNull).map(a -> a.handle()).toList();
  }

  @Override
  public synchronized ActivationRecord record() {
    return last != null ? last : CombinedRecord.of(slots, faults, operationName, performer, Optional.empty());
  }

  @Override
  public Instant expiresAt() {
    return handles().stream().map(RevocationHandle::expiresAt).min(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalStateException("Nothing is held: the elevation was closed or detached."));
  }

  @Override
  public CredentialSource elevatedIdentity() {
    return owner.config().identity();
  }

  @Override
  public synchronized Optional<ElevationException> perform(PrivilegedOperation operation) {
    if (closed) {
      throw new IllegalStateException("The elevation was revoked or detached; perform operations before close().");
    }
    operationName = operation.name();
    Optional<ElevationException> failure = performer.active.perform(operation);
    failure.ifPresent(e -> faults.add(performer, e));
    return failure;
  }

  @Override
  public synchronized void detach() {
    closed = true;
    slots.stream().map(s -> s.active).filter(Objects::nonNull).forEach(a -> a.detach());
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    TargetSlot.inParallel(slots.stream().filter(s -> s.active != null).toList(), s -> s.release(faults));
    ActivationRecord record = CombinedRecord.of(slots, faults, operationName, performer,
        Optional.of(owner.config().clock().instant()));
    synchronized (this) {
      last = record;
    }
    owner.announce(record);
    Optional<ElevationException> first = failure();
    if (first.isPresent()) {
      throw first.get().attachRecord(record);
    }
  }

  /** The first failure so far (later ones suppressed in it). */
  Optional<ElevationException> failure() {
    return faults.first().map(Faults.Fault::error);
  }
}
