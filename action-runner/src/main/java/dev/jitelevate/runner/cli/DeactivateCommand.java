package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.DeactivationRequest;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.JitElevate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jit-elevate deactivate}: ends an elevation of your own before its expiry, by the handle file
 * {@code elevate} wrote or by its target (PIM {@code SelfDeactivate} on ARM, directory roles and groups).
 */
@Command(name = "deactivate", sortOptions = false, mixinStandardHelpOptions = true,
    resourceBundle = "dev.jitelevate.runner.cli.DeactivateCommand", // its wording of the TargetOptions
    description = {"End an elevation of your own now: by the handle file 'jit-elevate elevate' wrote, or by its target "
        + "(one activated in another terminal or in the portal).",
        "Within PIM's 5-minute minimum it waits, or with --no-wait says from when it can be deactivated."},
    footer = {"", "Examples:",
        "  jit-elevate deactivate --target 'directory-role:User Administrator'",
        "  jit-elevate deactivate --target azure-role --role Contributor --scope /subscriptions/{id}",
        "  jit-elevate deactivate --handle $TMPDIR/jit-elevate/{request-id}.json"})
public final class DeactivateCommand implements Callable<Integer> {
  @ParentCommand
  JitElevate root;

  @Option(names = "--handle", paramLabel = "FILE", description = "The handle file 'jit-elevate elevate' wrote.")
  Path handle;

  @Mixin
  TargetOptions target;

  @Option(names = "--no-wait", description = "Within PIM's minimum active duration, say from when it can be deactivated instead of waiting.")
  boolean noWait;

  @Option(names = "--record-out", paramLabel = "FILE",
      description = "Where to write the record (default: next to the handle, or $TMPDIR/jit-elevate/record-deactivate-{time}.json).")
  Path recordOut;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    if ((handle == null) != target.given()) {
      throw new CliInputException(handle == null ? "--target" : "--handle", handle == null
          ? "Nothing to deactivate was named." : "--handle and --target were given together.",
          "Pass --handle FILE (what 'elevate' wrote) or --target (what is active), not both.");
    }
    if (recordOut != null) {
      ElevationFile.requireWritable(recordOut, "--record-out");
    }
    Console console = root.console();
    return CallAndRender.<Ended>of("deactivate", d -> Json.outcome(d.code(), d.record(), d.file(), null),
        d -> Summary.of(d.record(), Optional.of(d.file()))).withExitCode(Ended::code).run(console, output, () -> {
          SignIn session = new SignIn(signIn, root.env(), console);
          Elevator elevator = session.elevator(new EventRenderer(console, output.quiet()));
          ActivationRecord record = handle != null ? byHandle(elevator) : byTarget(elevator);
          return new Ended(record, ElevationFile.writeRecord(recordPath(), record));
        });
  }

  /** A deactivation's record and where it was written. */
  private record Ended(ActivationRecord record, Path file) {
    int code() {
      return record.error().isPresent() || record.revocation().status() == ActivationRecord.RevocationStatus.FAILED
          ? ExitCodes.of(FailureKind.REVOKE_FAILED) : ExitCodes.OK;
    }
  }

  private ActivationRecord byHandle(Elevator elevator) {
    ElevationFile.Contents contents = ElevationFile.read(handle);
    RevocationHandle h = contents.handle();
    Instant allowedAt = h.activatedAt().plus(signIn.minimumActiveDuration());
    if (noWait && h.createdByThisRun() && Instant.now().isBefore(allowedAt)) {
      throw new ElevationException(FailureKind.INVALID_REQUEST, "The elevation was activated at " + h.activatedAt()
          + " and PIM keeps an activation at least " + Durations.format(signIn.minimumActiveDuration())
          + ": it can be deactivated from " + allowedAt + ". Run again then, or without --no-wait to wait for it.");
    }
    return elevator.revoke(h, contents.record());
  }

  private ActivationRecord byTarget(Elevator elevator) {
    DeactivationRequest request = DeactivationRequest.of(target.one()).waitingForFloor(!noWait);
    try {
      return elevator.deactivate(request);
    } catch (ElevationException e) {
      e.record().ifPresent(r -> ElevationFile.writeRecord(recordPath(), r));
      throw e;
    }
  }

  private Path recordPath() {
    if (recordOut != null) {
      return recordOut;
    }
    if (handle != null) {
      Path name = handle.getFileName();
      return handle.toAbsolutePath().getParent().resolve("record-" + (name == null ? "deactivated.json" : name.toString()));
    }
    return ElevationFile.defaultDirectory().resolve("record-deactivate-" + System.currentTimeMillis() + ".json");
  }
}
