package dev.jitelevate.core;

import dev.jitelevate.core.internal.wait.Uninterrupted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A command run with an elevation (or with a new secret) and everything it starts, so that stopping it leaves
 * nothing running with the access or the value: no child left in the background, no grandchild of a shell
 * that died first.
 *
 * <p>A process whose parent ended is adopted by init (or the nearest subreaper) and is no longer listed among
 * the command's descendants. On Linux it is still found by a marker variable that every process of the tree
 * inherits from the command ({@code /proc/<pid>/environ}) and no other process carries; a process that clears
 * its environment ({@code env -i}, {@code sudo}) escapes that search. Elsewhere only the living descendants are
 * found.
 */
public final class ProcessTree {
  /** How many times the children are looked for and killed before the command itself. */
  private static final int ROUNDS = 5;
  private static final Path PROC = Path.of("/proc");
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Sleeper SLEEPER = Sleeper.system();

  private final String variable;
  private final String marker = UUID.randomUUID().toString();

  private ProcessTree(String variable) {
    this.variable = variable;
  }

  /**
   * A new tree for the processes this builder starts: sets {@code variable} in their environment to a value of
   * this tree's own.
   */
  public static ProcessTree marking(ProcessBuilder builder, String variable) {
    ProcessTree tree = new ProcessTree(variable);
    builder.environment().put(variable, tree.marker);
    return tree;
  }

  /**
   * Kills the command and its whole tree at once (SIGKILL), and waits up to {@code wait} for the command to
   * end. An interrupt before or during the wait does not stop the killing; it is kept for the caller.
   */
  public void kill(Process process, Duration wait) {
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
    Uninterrupted.await(() -> process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS));
    adopted().forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Asks the command and every process of its tree to stop (SIGTERM, so that each can clean up), gives them up
   * to {@code grace} together, then kills whatever is left (SIGKILL). Works as well after the command itself
   * has exited: then it stops what it left running.
   *
   * @return how many processes were asked to stop, the command included when it was still running
   */
  public int stop(Process process, Duration grace) {
    Map<Long, ProcessHandle> members = members(process);
    if (members.isEmpty()) {
      return 0;
    }
    members.values().forEach(ProcessHandle::destroy);
    Uninterrupted.await(() -> awaitEnd(members.values(), grace));
    members.values().stream().filter(ProcessTree::running).forEach(ProcessHandle::destroyForcibly);
    kill(process, Duration.ofSeconds(1));
    return members.size();
  }

  /**
   * How many processes of the tree are running: the command while it runs, its descendants and those init
   * adopted. Signals nothing.
   */
  public int count(Process process) {
    return (int) members(process).values().stream().filter(ProcessTree::running).count();
  }

  private Map<Long, ProcessHandle> members(Process process) {
    Map<Long, ProcessHandle> members = new LinkedHashMap<>();
    // The descendants first, while the command still holds them: once it ends they are init's.
    process.descendants().filter(ProcessHandle::isAlive).forEach(p -> members.put(p.pid(), p));
    if (process.isAlive()) {
      members.put(process.pid(), process.toHandle());
    }
    adopted().forEach(p -> members.putIfAbsent(p.pid(), p));
    return members;
  }

  /**
   * Waits until none of the processes is running, or the grace is over. Polled: a process that is not this JVM's
   * child has no exit to wait for, and an adopted zombie never completes {@link ProcessHandle#onExit()}.
   */
  private static void awaitEnd(Collection<ProcessHandle> processes, Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (processes.stream().anyMatch(ProcessTree::running) && System.nanoTime() < deadline) {
      SLEEPER.sleep(POLL);
    }
  }

  /** The tree's living processes that init adopted (Linux; elsewhere there is no portable way to find them). */
  private List<ProcessHandle> adopted() {
    if (!Files.isDirectory(PROC)) {
      return List.of();
    }
    byte[] entry = (variable + "=" + marker).getBytes(StandardCharsets.US_ASCII);
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> found = new ArrayList<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : pids) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid != self && carries(dir.resolve("environ"), entry)) {
          ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Without /proc there is nothing more to find: the descendants are all that could be.
    }
    return found;
  }

  /**
   * Alive and not a zombie: an adopted process that ended stays listed (and "alive" to the JDK) until its new
   * parent reaps it, which a parent that is not an init (a container's first process) may never do.
   */
  private static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(process.pid())).resolve("stat"));
      int name = stat.lastIndexOf(')');
      return name < 0 || name + 2 >= stat.length() || stat.charAt(name + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return process.isAlive(); // no /proc: what the JDK says
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
