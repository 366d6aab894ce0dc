package dev.jitelevate.core.keyvault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A validator's command and everything it starts, so that stopping it leaves nothing running with the new value
 * in its environment and nothing holding its output open.
 *
 * <p>The command's children are killed before the command itself. A child the command starts in the instant
 * between the last look and its own death is adopted by init and no longer listed as a descendant; on Linux it is
 * still found by a marker variable every process of the tree inherits ({@code /proc/<pid>/environ}), which no
 * other process carries.
 */
final class ProcessTree {
  static final String MARKER_VARIABLE = "JIT_ELEVATE_VALIDATOR_RUN";
  /** How many times the children are looked for and killed before the command itself. */
  private static final int ROUNDS = 5;
  private static final Path PROC = Path.of("/proc");

  private final String marker = UUID.randomUUID().toString();

  /** Marks the processes this builder starts (and their children) as this tree's. */
  void mark(ProcessBuilder builder) {
    builder.environment().put(MARKER_VARIABLE, marker);
  }

  /** Kills the command and its whole tree, and waits up to {@code waitMillis} for the command to end. */
  void kill(Process process, long waitMillis) {
    for (int round = 0; round < ROUNDS; round++) {
      List<ProcessHandle> children = process.descendants().filter(ProcessHandle::isAlive).toList();
      if (children.isEmpty()) {
        break;
      }
      children.forEach(ProcessHandle::destroyForcibly);
    }
    // Through its handle: Process.destroyForcibly() also closes the output stream, discarding what the JDK had
    // read into it when the command exited and the reader had not taken yet.
    process.toHandle().destroyForcibly();
    Uninterrupted.await(() -> process.waitFor(waitMillis, TimeUnit.MILLISECONDS));
    killAdopted();
  }

  /** Kills the tree's processes that init adopted (Linux; elsewhere there is no portable way to find them). */
  private void killAdopted() {
    if (!Files.isDirectory(PROC)) {
      return;
    }
    byte[] entry = (MARKER_VARIABLE + "=" + marker).getBytes(StandardCharsets.US_ASCII);
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : pids) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid != self && carries(dir.resolve("environ"), entry)) {
          ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Without /proc there is nothing more to find: the children killed above are all that could be.
    }
  }

  /** Whether a process's environment holds the entry (other users' processes are unreadable and skipped). */
  private static boolean carries(Path environ, byte[] entry) {
    byte[] env;
    try {
      env = Files.readAllBytes(environ);
    } catch (IOException | SecurityException unreadable) {
      return false;
    }
    outer:
    for (int start = 0; start + entry.length <= env.length; start++) {
      if (start > 0 && env[start - 1] != 0) {
        continue;
      }
      for (int i = 0; i < entry.length; i++) {
        if (env[start + i] != entry[i]) {
          continue outer;
        }
      }
      return start + entry.length == env.length || env[start + entry.length] == 0;
    }
    return false;
  }
}
