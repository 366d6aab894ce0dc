package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.JitElevate;
import dev.jitelevate.runner.targets.TargetSets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jit-elevate elevate ... -- COMMAND}: elevates, verifies, runs the command with the elevation and
 * revokes after it, whatever happened (also on Ctrl-C/SIGTERM), exiting with the command's exit code. Without
 * a command it elevates, writes a handle file and prints how to revoke it with {@code jit-elevate revoke}.
 */
@Command(name = "elevate", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Elevate just in time, run COMMAND with the elevation, and revoke after it whatever happened.",
        "Without COMMAND: elevate, write a handle file and print how to revoke it."},
    footer = {"", "Example:",
        "  jit-elevate elevate --target azure-role --role \"Key Vault Secrets Officer\" \\",
        "    --scope /subscriptions/{id}/resourceGroups/rg-app --duration 30m --justification \"rotate db password\" \\",
        "    -- az keyvault secret set --vault-name kv-app --name db-password --file new.txt",
        "",
        "Several targets as one (all-or-nothing, one sign-in, one record):",
        "  jit-elevate elevate --target 'azure-role:Contributor@/subscriptions/{id}/resourceGroups/rg-app' \\",
        "    --target 'directory-role:User Administrator' --target 'group:member@grp-ops' --justification \"INC-7\"",
        "  jit-elevate elevate --set oncall        # the targets of a set in ~/.config/jit-elevate/sets.yaml"})
public final class ElevateCommand implements Callable<Integer> {
  @ParentCommand
  JitElevate root;

  @Mixin
  RequestOptions request;

  @Mixin
  SignInOptions signIn;

  @Mixin
  ExposureOptions exposure;

  @Option(names = "--handle-out", paramLabel = "FILE",
      description = "Without COMMAND: where to write the handle file (default: $TMPDIR/jit-elevate/{request-id}.json).")
  Path handleOut;

  @Option(names = "--record-out", paramLabel = "FILE",
      description = "Where to write the activation record (default: $TMPDIR/jit-elevate/record-{request-id}.json).")
  Path recordOut;

  @Option(names = "--keep-background", description = "With COMMAND: leave what it started in the background running"
      + " after it exits (by default stopped before the revoke, since it would go on with the access, and with"
      + " tokens that outlive the revoke).")
  boolean keepBackground;

  @Mixin(name = "output")
  OutputOptions output;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to run with the elevation, after --.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    List<ElevationRequest> requests = request.toRequests(
        TargetSets.defaultFile(root.env().get("XDG_CONFIG_HOME"), root.env().get("HOME")));
    ElevationRequest req = requests.get(0);
    boolean several = requests.size() > 1;
    if (recordOut != null) {
      ElevationFile.requireWritable(recordOut, "--record-out");
    }
    if (handleOut != null && command.isEmpty()) {
      ElevationFile.requireWritable(handleOut, "--handle-out");
    }
    if (keepBackground && command.isEmpty()) {
      throw new CliInputException("--keep-background", "There is no command whose background processes to keep.",
          "Run the command after --, or leave out --keep-background.");
    }
    if (exposure.revokeSessions() && command.isEmpty() && !req.dryRun()) {
      throw new CliInputException("--revoke-sessions", "A held elevation is revoked later: its sessions cannot be"
          + " revoked now.", "Pass --revoke-sessions to 'jit-elevate revoke', or run a command after --.");
    }
    Console console = root.console();
    SignIn session = new SignIn(signIn, root.env(), console);
    if (!req.dryRun()) {
      requests.forEach(r -> session.requireVerifiable(TargetChoice.kindOf(r.target())));
    }
    EventRenderer renderer = new EventRenderer(console, output.quiet());
    RecordOnShutdown onShutdown = new RecordOnShutdown(this::recordPath);
    sessions = new RevokeSessionsAfter(exposure.revokeSessions(), session, console);
    Elevator elevator = session.elevator(event -> {
      renderer.on(event);
      onShutdown.on(event);
    }, exposure.maxTokenLifetime());
    if (req.dryRun()) {
      return finish(several ? elevator.validateAll(requests) : elevator.validate(req), null);
    }
    if (command.isEmpty()) {
      onShutdown.arm();
      try {
        return several ? new HeldTargets(console, output.json()).hold(elevator, requests, handleOut, this::recordPath,
            session.hint()) : hold(elevator, req, session.hint());
      } finally {
        onShutdown.disarm();
      }
    }
    CommandOperation operation = new CommandOperation(command, root.env(), keepBackground);
    onShutdown.arm();
    ElevationOutcome outcome;
    boolean weWrite = false;
    try {
      outcome = several ? elevator.runAll(requests, operation) : elevator.run(req, operation);
    } finally {
      weWrite = onShutdown.disarm();
    }
    return finish(outcome, weWrite ? operation.exitCode().orElse(null) : null, weWrite);
  }

  private RevokeSessionsAfter sessions;

  private Path recordPath(dev.jitelevate.core.ActivationRecord record) {
    return recordOut != null ? recordOut : defaultRecordPath(record);
  }

  private int finish(ElevationOutcome ended, Integer commandExit) {
    return finish(ended, commandExit, true);
  }

  /** @param write false while the JVM exits on SIGTERM/SIGINT: the shutdown hook writes the record then */
  private int finish(ElevationOutcome ended, Integer commandExit, boolean write) {
    ElevationOutcome outcome = new ElevationOutcome(write ? sessions.apply(ended.record()) : ended.record(), ended.failure());
    Path file = write ? ElevationFile.writeRecord(recordPath(outcome.record()), outcome.record()) : recordPath(outcome.record());
    int code = exitCode(outcome, commandExit);
    Console console = root.console();
    outcome.failure().filter(f -> commandExit == null || commandExit == 0)
        .ifPresent(f -> console.error("jit-elevate elevate: " + ShortErrorHandler.message(f)));
    if (commandExit != null && commandExit != 0) {
      console.error("jit-elevate elevate: the command exited with " + commandExit + "; the elevation was revoked ("
          + outcome.record().revocation().status() + ").");
    }
    if (output.json()) {
      console.result(Json.outcome(code, outcome.record(), file, commandExit));
    } else {
      // With a command, stdout belongs to the command: the summary goes with the progress on stderr.
      Summary.of(outcome.record(), Optional.of(file)).forEach(command.isEmpty() ? console::result : console::progress);
    }
    return code;
  }

  /** The command's own non-zero code wins; else the failure's class; else 0. */
  static int exitCode(ElevationOutcome outcome, Integer commandExit) {
    if (commandExit != null && commandExit != 0) {
      return commandExit;
    }
    return outcome.failure().map(ElevationException::kind).map(ExitCodes::of).orElse(ExitCodes.OK);
  }

  private Path defaultRecordPath(dev.jitelevate.core.ActivationRecord record) {
    List<String> ids = record.requestIds();
    String id = ids.isEmpty() ? Long.toString(System.currentTimeMillis()) : ids.get(0);
    return ElevationFile.defaultDirectory().resolve("record-" + id + ".json");
  }

  private int hold(Elevator elevator, ElevationRequest req, String signInHint) {
    ActiveElevation elevation;
    try {
      elevation = elevator.elevate(req);
    } catch (ElevationException e) {
      // denied, timed out, failed: what was created is already revoked; the record says so
      e.record().ifPresent(r -> ElevationFile.writeRecord(recordPath(r), r));
      throw e;
    }
    elevation.detach();
    Path file = handleOut != null ? handleOut
        : ElevationFile.defaultDirectory().resolve(elevation.handle().requestId() + ".json");
    ElevationFile.write(file, elevation.handle(), elevation.record());
    if (recordOut != null) {
      ElevationFile.writeRecord(recordOut, elevation.record());
    }
    Console console = root.console();
    if (output.json()) {
      var o = Json.object();
      o.put("handleFile", file.toString());
      o.set("handle", Json.handle(elevation.handle()));
      o.put("expiresAt", elevation.expiresAt().toString());
      console.result(Json.write(o));
    } else {
      Summary.held(elevation.handle(), file, signInHint).forEach(console::result);
    }
    return ExitCodes.OK;
  }
}
