package dev.jitelevate.core;

import dev.jitelevate.core.internal.wait.Uninterrupted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>A process caught in the middle of an {@code execve} has an empty environment in {@code /proc} for a moment
 * (the kernel maps the new program before it sets where the new environment lies): under 1 ms on an idle
 * machine, up to 12 ms seen with both cores busy. A process that started after the tree was made and reads
 * empty is read again until its environment is there, for {@link #EXEC_PATIENCE} at most.
 */
public final class ProcessTree {
  /** How many times the children are looked for and killed before the command itself. */
  private static final int ROUNDS = 5;
  private static final Duration POLL = Duration.ofMillis(20);
  /** How long a process in the middle of an exec is given to show its new environment. */
  static final Duration EXEC_PATIENCE = Duration.ofMillis(250);
  private static final Duration EXEC_POLL = Duration.ofMillis(1);
  /**
   * How much earlier than the tree a process may seem to have started and still be one of it: the JDK dates a
   * process from the boot time, which Linux gives in whole seconds, plus its start in clock ticks.
   */
  private static final Duration START_SLACK = Duration.ofSeconds(2);

  private final String variable;
  private final String marker = UUID.randomUUID().toString();
  private final Path proc;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Instant made;

  ProcessTree(String variable, Path proc, Clock clock, Sleeper sleeper) {
    this.variable = variable;
    this.proc = proc;
    this.clock = clock;
    this.sleeper = sleeper;
    this.made = clock.instant();
  }

  /**
   * A new tree for the processes this builder starts: sets {@code variable} in their environment to a value of
   * this tree's own.
   */
  public static ProcessTree marking(ProcessBuilder builder, String variable) {
    return marking(builder, new ProcessTree(variable, Path.of("/proc"), Clock.systemUTC(), Sleeper.system()));
  }

  static ProcessTree marking(ProcessBuilder builder, ProcessTree tree) {
    builder.environment().put(tree.variable, tree.marker);
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
    members.values().stream().filter(this::running).forEach(ProcessHandle::destroyForcibly);
    kill(process, Duration.ofSeconds(1));
    return members.size();
  }

  /**
   * How many processes of the tree are running: the command while it runs, its descendants and those init
   * adopted. Signals nothing.
   */
  public int count(Process process) {
    return (int) members(process).values().stream().filter(this::running).count();
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
  private void awaitEnd(Collection<ProcessHandle> processes, Duration grace) throws InterruptedException {
    Instant deadline = clock.instant().plus(grace);
    while (processes.stream().anyMatch(this::running) && clock.instant().isBefore(deadline)) {
      sleeper.sleep(POLL);
    }
  }

  /** The tree's living processes that init adopted (Linux; elsewhere there is no portable way to find them). */
  private List<ProcessHandle> adopted() {
    if (!Files.isDirectory(proc)) {
      return List.of();
    }
    byte[] entry = (variable + "=" + marker).getBytes(StandardCharsets.US_ASCII);
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> found = new ArrayList<>();
    Map<Path, ProcessHandle> execing = new LinkedHashMap<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path dir : pids) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid == self) {
          continue;
        }
        Environment environment = environment(dir, entry);
        if (environment == Environment.CARRIES) {
          alive(pid).ifPresent(found::add);
        } else if (environment == Environment.EMPTY) {
          alive(pid).filter(this::startedSinceMade).ifPresent(p -> execing.put(dir, p));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Without /proc there is nothing more to find: the descendants are all that could be.
    }
    if (!execing.isEmpty()) {
      Uninterrupted.await(() -> awaitExecs(execing, entry, found));
    }
    return found;
  }

  /**
   * Reads the processes whose environment was empty again, until each shows one or the patience is over, and
   * adds those that carry the entry. A process that keeps an empty environment for that long has none (it was
   * started with none, or cleared it), and one that cleared it has left the tree anyway.
   */
  private void awaitExecs(Map<Path, ProcessHandle> execing, byte[] entry, List<ProcessHandle> found)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(EXEC_PATIENCE);
    while (true) {
      for (Iterator<Map.Entry<Path, ProcessHandle>> it = execing.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Path, ProcessHandle> e = it.next();
        Environment environment = environment(e.getKey(), entry);
        if (environment != Environment.EMPTY) {
          it.remove();
          if (environment == Environment.CARRIES && e.getValue().isAlive()) {
            found.add(e.getValue());
          }
        }
      }
      if (execing.isEmpty() || !clock.instant().isBefore(deadline)) {
        return;
      }
      sleeper.sleep(EXEC_POLL);
    }
  }

  private static Optional<ProcessHandle> alive(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  /**
   * Whether the process may belong to the tree by its start: every process of the tree started after the tree
   * was made. One that cannot be dated may.
   */
  private boolean startedSinceMade(ProcessHandle process) {
    return process.info().startInstant().map(started -> !started.isBefore(made.minus(START_SLACK))).orElse(true);
  }

  /**
   * Alive and not a zombie: an adopted process that ended stays listed (and "alive" to the JDK) until its new
   * parent reaps it, which a parent that is not an init (a container's first process) may never do.
   */
  private boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(proc.resolve(Long.toString(process.pid())).resolve("stat"));
      int name = stat.lastIndexOf(')');
      return name < 0 || name + 2 >= stat.length() || stat.charAt(name + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return process.isAlive(); // no /proc: what the JDK says
    }
  }

  /** What a process's environment says about the tree. */
  private enum Environment {
    /** It holds the tree's entry. */
    CARRIES,
    /** It holds others, or cannot be read: another user's process, a kernel thread, a zombie, one gone. */
    LACKS,
    /** It reads empty: a process in the middle of an exec, or one started with no environment. */
    EMPTY
  }

  private static Environment environment(Path dir, byte[] entry) {
    byte[] env;
    try {
      env = Files.readAllBytes(dir.resolve("environ"));
    } catch (IOException | SecurityException unreadable) {
      // another user's (access denied), ended (no such file), or without memory of its own (no such process:
      // a kernel thread, a zombie)
      return Environment.LACKS;
    }
    if (env.length == 0) {
      return Environment.EMPTY;
    }
    return holds(env, entry) ? Environment.CARRIES : Environment.LACKS;
  }

  /** Whether the NUL-separated entries hold this one whole. */
  private static boolean holds(byte[] env, byte[] entry) {
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
