package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.JitElevate;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate revoke --handle FILE}: revokes what {@code elevate} (without a command) left active. */
@Command(name = "revoke", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Revoke an elevation from the handle file 'jit-elevate elevate' wrote, and complete its record.")
public final class RevokeCommand implements Callable<Integer> {
  @ParentCommand
  JitElevate root;

  @Option(names = "--handle", required = true, paramLabel = "FILE", description = "The handle file 'jit-elevate elevate' wrote.")
  Path handle;

  @Option(names = "--record-out", paramLabel = "FILE", description = "Where to write the final record (default: next to the handle).")
  Path recordOut;

  @Mixin
  SignInOptions signIn;

  @Mixin
  ExposureOptions exposure;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    ElevationFile.Contents contents = ElevationFile.read(handle);
    if (recordOut != null) {
      ElevationFile.requireWritable(recordOut, "--record-out");
    }
    Console console = root.console();
    SignIn session = new SignIn(signIn, root.env(), console);
    Elevator elevator = session.elevator(new EventRenderer(console, output.quiet()), exposure.maxTokenLifetime());
    ActivationRecord record = new RevokeSessionsAfter(exposure.revokeSessions(), session, console)
        .apply(elevator.revoke(contents.handle(), contents.record()));
    Path file = ElevationFile.writeRecord(recordOut != null ? recordOut : defaultRecordPath(), record);
    int code = record.error().isPresent() || record.revocation().status() == ActivationRecord.RevocationStatus.FAILED
        ? ExitCodes.of(dev.jitelevate.core.FailureKind.REVOKE_FAILED) : ExitCodes.OK;
    if (output.json()) {
      console.result(Json.outcome(code, record, file, null));
    } else {
      Summary.of(record, Optional.of(file)).forEach(console::result);
    }
    return code;
  }

  private Path defaultRecordPath() {
    Path name = handle.getFileName();
    Path dir = handle.toAbsolutePath().getParent();
    return dir.resolve("record-" + (name == null ? "revoked.json" : name.toString()));
  }
}
