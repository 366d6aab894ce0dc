package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.RevocationHandle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands the main step's state to the post step as early and as often as the truth changes: right after the
 * request is submitted (so a kill during provisioning or propagation is still revoked by the post step), and
 * whenever the operation's result changes (so a kill during validation leaves the versions written). Renders
 * every event through the progress listener, and passes the lifecycle's record of a signal to the
 * {@link Interruption}.
 */
final class HandOver implements ElevationListener {
  private final ElevationListener progress;
  private final StepContext ctx;
  private final Interruption interruption;
  private final boolean saveState;
  private volatile RevocationHandle handle;
  private volatile Path recordPath;
  private final Map<String, TargetHandles.Part> targets = new LinkedHashMap<>();

  /**
   * @param saveState whether a kill is to be revoked by the post step (revoke: post or after-operation), so the
   *     state is saved; with revoke: expire the server-side expiry ends it anyway
   */
  HandOver(ElevationListener progress, StepContext ctx, Interruption interruption, boolean saveState) {
    this.progress = progress;
    this.ctx = ctx;
    this.interruption = interruption;
    this.saveState = saveState;
  }

  @Override
  public void on(ElevationEvent event) {
    progress.on(event);
    try {
      if (event instanceof ElevationEvent.Submitted s) {
        handle = s.handle();
        synchronized (this) {
          targets.put(String.valueOf(s.handle().requestId()), new TargetHandles.Part(s.handle(), s.record()));
        }
        save(s.record(), PostState.Phase.SUBMITTED);
      } else if (event instanceof ElevationEvent.OperationProgress p) {
        save(p.record(), PostState.Phase.OPERATION);
      } else if (event instanceof ElevationEvent.Interrupted i) {
        interruption.released(i.record());
      }
    } catch (RuntimeException e) {
      // A listener must not throw into the lifecycle: the next save, or the main step's own, still comes.
    }
  }

  /** The verified elevation's handle replaces the provisional one of the submit. */
  void handle(RevocationHandle value) {
    handle = value;
  }

  /** With several targets: each verified elevation's handle and record replace the provisional ones of the submits. */
  synchronized void targets(List<TargetHandles.Part> verified) {
    targets.clear();
    verified.forEach(p -> targets.put(String.valueOf(p.handle().requestId()), p));
    handle = verified.get(0).handle();
  }

  Optional<RevocationHandle> handle() {
    return Optional.ofNullable(handle);
  }

  /** Where the record is written: fixed on the first save, so every later save names the same file. */
  synchronized Path recordPath(ActivationRecord record) {
    if (recordPath == null) {
      recordPath = RecordFiles.pathFor(record, ctx.env);
    }
    return recordPath;
  }

  /** Saves the state for the post step, when there is something it could revoke. */
  synchronized void save(ActivationRecord record, PostState.Phase phase) {
    RevocationHandle h = handle;
    if (!saveState || h == null) {
      return;
    }
    new PostState(h, record, recordPath(record), phase).save(ctx.state);
    if (targets.size() > 1) {
      // several targets: the post step revokes every one submitted so far, not only the last
      new TargetHandles(List.copyOf(targets.values())).save(ctx.state);
    }
  }
}
