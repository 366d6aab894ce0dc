package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.ProcessTree;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a command with the elevation: the child inherits stdin, stdout and stderr, gets the environment without
 * the broker's secret plus {@code JIT_ELEVATE_*} variables describing the elevation, and its exit code is kept.
 * A non-zero exit fails the operation (the elevation is revoked all the same). On SIGTERM/Ctrl-C the command and
 * every process it started are stopped (SIGTERM, then SIGKILL after a grace) while the core's shutdown hook
 * revokes; when the command exits, whatever it left running in the background is stopped the same way before
 * the revoke, and the record counts them ({@code leftoverProcessesStopped}): nothing goes on working with the
 * access, or with tokens that outlive it, after jit-elevate has let it go. Unless asked to keep them
 * ({@code --keep-background}): then they are counted ({@code leftoverProcessesKept}) and left running.
 */
final class CommandOperation implements PrivilegedOperation {
  /** Variables never passed on to the command: the broker's power stays with jit-elevate. */
  static final List<String> WITHHELD = List.of(Env.BROKER_SECRET);
  /** Marks the command's processes, so that those init adopted (a shell's background jobs) are found too. */
  static final String TREE_VARIABLE = "JIT_ELEVATE_COMMAND_RUN";
  /** Within GitHub's 10 s from SIGINT to SIGKILL, with time left for the revoke that runs meanwhile. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  /** For a command that exited: what it left has had its chance to finish. */
  private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(2);

  private final List<String> command;
  private final Env env;
  private final boolean keepBackground;
  private volatile Integer exitCode;
  private volatile boolean stoppedByShutdown;

  /**
   * @param keepBackground leave what the command started in the background running once it exited (counted
   *     and warned about); a run stopped by SIGTERM/Ctrl-C stops the whole tree all the same
   */
  CommandOperation(List<String> command, Env env, boolean keepBackground) {
    this.command = List.copyOf(command);
    this.env = env;
    this.keepBackground = keepBackground;
  }

  @Override
  public String name() {
    return "command";
  }

  /** The command's exit code, once it ran. */
  Optional<Integer> exitCode() {
    return Optional.ofNullable(exitCode);
  }

  @Override
  public void perform(OperationContext context) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    Map<String, String> childEnv = builder.environment();
    childEnv.clear();
    childEnv.putAll(env.variables());
    WITHHELD.forEach(childEnv::remove);
    childEnv.putAll(elevationVariables(context));
    ProcessTree tree = ProcessTree.marking(builder, TREE_VARIABLE);
    context.note("command", program());
    // The stopper is registered before the command starts: a SIGTERM that came first starts nothing.
    Process[] started = new Process[1];
    Thread stopper = new Thread(() -> {
      stoppedByShutdown = true;
      synchronized (started) {
        if (started[0] != null) {
          tree.stop(started[0], STOP_GRACE);
        }
      }
    }, "jit-elevate-stop-command");
    try {
      Runtime.getRuntime().addShutdownHook(stopper);
    } catch (IllegalStateException shuttingDown) {
      throw interrupted("was not started");
    }
    Process process;
    synchronized (started) {
      if (stoppedByShutdown) {
        throw interrupted("was not started");
      }
      process = start(builder);
      started[0] = process;
    }
    try {
      exitCode = process.waitFor();
    } catch (InterruptedException e) {
      tree.stop(process, STOP_GRACE);
      throw e;
    } finally {
      if (!removeHook(stopper)) {
        stoppedByShutdown = true; // the JVM is exiting: however the command ended, the run was cancelled
      }
    }
    context.note("commandExitCode", exitCode);
    if (!stoppedByShutdown) {
      leftovers(context, tree, process);
    }
    if (stoppedByShutdown) {
      // SIGTERM/Ctrl-C stopped the command: the run was cancelled, whatever code the stopped command returned.
      throw new ElevationException(FailureKind.INTERRUPTED, program() + " was stopped because jit-elevate was"
          + " terminated (SIGTERM/SIGINT); it exited with " + exitCode + ".");
    }
    if (exitCode != 0) {
      throw new CommandFailedException(program(), exitCode);
    }
  }

  /**
   * What the command left running when it exited: stopped before the revoke, or kept when
   * {@code --keep-background} asks; either way counted in the record and warned about.
   */
  private void leftovers(OperationContext context, ProcessTree tree, Process process) {
    int left = keepBackground ? tree.count(process) : tree.stop(process, LEFTOVER_GRACE);
    if (left == 0) {
      return;
    }
    context.note(keepBackground ? "leftoverProcessesKept" : "leftoverProcessesStopped", left);
    context.emit(new ElevationEvent.Notice(context.clock().instant(), ElevationEvent.Level.WARNING,
        program() + " left " + left + (left == 1 ? " process" : " processes") + " running: " + (keepBackground
            ? "kept, as --keep-background asks. Tokens they hold stay valid after the revoke until they expire."
            : "stopped before the revoke, so that nothing goes on working with the elevation's access.")));
  }

  private Process start(ProcessBuilder builder) throws CommandNotStartedException {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CommandNotStartedException(program(), e.getMessage());
    }
  }

  /** The program's name only: arguments may carry values that do not belong in a record. */
  String program() {
    String first = command.get(0);
    int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
    return first.substring(slash + 1);
  }

  static Map<String, String> elevationVariables(OperationContext context) {
    ElevationTarget target = context.request().target();
    String scope = target instanceof ElevationTarget.AzureRole a ? a.scope().value()
        : target instanceof ElevationTarget.DirectoryRole d ? d.scope().value()
        : ((ElevationTarget.Group) target).group().describe();
    return Map.of("JIT_ELEVATE_REQUEST_ID", context.elevationRequestId(),
        "JIT_ELEVATE_TARGET", target.describe(),
        "JIT_ELEVATE_SCOPE", scope,
        "JIT_ELEVATE_STRATEGY", context.request().strategy().wireValue());
  }

  /** False when the JVM is exiting (SIGTERM/SIGINT): then the hook stops the command itself. */
  private static boolean removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      return true;
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }

  private ElevationException interrupted(String what) {
    return new ElevationException(FailureKind.INTERRUPTED, program() + " " + what + " because jit-elevate was"
        + " terminated (SIGTERM/SIGINT).");
  }

  /** The command ran and exited with a non-zero code. */
  static final class CommandFailedException extends Exception {
    final int exitCode;

    CommandFailedException(String program, int exitCode) {
      super(program + " exited with " + exitCode);
      this.exitCode = exitCode;
    }
  }

  /** The command could not be started (not found, not executable). */
  static final class CommandNotStartedException extends Exception {
    CommandNotStartedException(String program, String reason) {
      super(program + " could not be started: " + reason);
    }
  }
}
