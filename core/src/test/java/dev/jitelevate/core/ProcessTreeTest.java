package dev.jitelevate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.testing.ManualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ProcessTreeTest {
  @TempDir
  Path dir;

  @Test
  void stoppingTheCommandStopsWhatItStartedInTheBackgroundToo() throws Exception {
    Process command = start("sleep 300 & echo $! > " + dir.resolve("child") + "; wait");
    ProcessHandle child = awaitPid("child");

    int stopped = tree.stop(command, Duration.ofSeconds(5));

    assertThat(stopped).isEqualTo(2);
    assertThat(command.isAlive()).isFalse();
    assertThat(child.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void aProcessThatIgnoresTheRequestToStopIsKilledWhenTheGraceEnds() throws Exception {
    Process command = start("trap '' TERM; sleep 300 & echo $! > " + dir.resolve("child") + "; while :; do sleep 0.1; done");
    ProcessHandle child = awaitPid("child");
    long started = System.nanoTime();

    tree.stop(command, Duration.ofMillis(500));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(command.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(child.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void whatACommandLeftRunningWhenItExitedIsFoundAndStopped() throws Exception {
    Process command = start("sleep 300 & echo $! > " + dir.resolve("child"));
    assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();
    ProcessHandle orphan = awaitPid("child");
    assertThat(command.descendants()).as("adopted by init, no longer the command's").isEmpty();

    int stopped = tree.stop(command, Duration.ofSeconds(5));

    assertThat(stopped).isEqualTo(1);
    assertThat(orphan.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void countingWhatACommandLeftRunningSignalsNothing() throws Exception {
    Process command = start("sleep 300 & echo $! > " + dir.resolve("child"));
    assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();
    ProcessHandle orphan = awaitPid("child");
    try {
      assertThat(tree.count(command)).isEqualTo(1);
      assertThat(orphan.isAlive()).isTrue();
    } finally {
      orphan.destroyForcibly();
    }
  }

  @Test
  void aCommandThatLeftNothingRunningHasNothingToStop() throws Exception {
    Process command = start("true");
    assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(tree.stop(command, Duration.ofSeconds(5))).isZero();
  }

  @Test
  void anotherTreesProcessesAreLeftAlone() throws Exception {
    Process other = start("sleep 300");
    try {
      Process command = start("true");
      assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();
      // the other tree's marker has the same variable and a value of its own
      ProcessTree.marking(new ProcessBuilder("true"), "JIT_ELEVATE_TEST_TREE").stop(command, Duration.ofSeconds(1));

      assertThat(other.isAlive()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aProcessCaughtInTheMiddleOfAnExecIsReadAgainUntilItsEnvironmentShows() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("true");
    List<Duration> waited = new ArrayList<>();
    ProcessTree tree = treeOverFakeProc(builder, duration -> {
      waited.add(duration);
      try {
        Files.writeString(emptyEnviron, "PATH=/bin\0" + entry(builder) + "\0"); // the exec has set the new environment
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      time.sleep(duration);
    });

    assertThat(countBesideALiveProcessThatReadsEmpty(builder, tree)).isEqualTo(1);
    assertThat(waited).containsExactly(Duration.ofMillis(1));
  }

  @Test
  void aProcessWhoseEnvironmentStaysEmptyIsLeftOutOnceThePatienceIsOver() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("true");
    ProcessTree tree = treeOverFakeProc(builder, time);

    assertThat(countBesideALiveProcessThatReadsEmpty(builder, tree)).isZero();
    assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(ProcessTree.EXEC_PATIENCE);
  }

  @Test
  void aProcessStartedBeforeTheTreeIsNotWaitedForWhenItsEnvironmentReadsEmpty() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("true");
    ProcessTree tree = treeOverFakeProc(builder, time);
    Process command = builder.start();
    fakeEnviron(1, ""); // init, started with the machine
    assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(tree.count(command)).isZero();
    assertThat(time.sleeps).isEmpty();
  }

  private final ManualTime time = new ManualTime(Instant.now());
  /** The stand-in environment of the live process {@link #countBesideALiveProcessThatReadsEmpty} started. */
  private Path emptyEnviron;

  /** A tree for the builder's processes that reads their environments from a stand-in for /proc. */
  private ProcessTree treeOverFakeProc(ProcessBuilder builder, Sleeper sleeper) {
    return ProcessTree.marking(builder, new ProcessTree("JIT_ELEVATE_TEST_TREE", dir.resolve("proc"), time, sleeper));
  }

  /**
   * Runs the builder's command to its end beside a live process, started after the tree, whose stand-in
   * environment reads empty ({@link #emptyEnviron}), and counts the tree.
   */
  private int countBesideALiveProcessThatReadsEmpty(ProcessBuilder builder, ProcessTree tree) throws Exception {
    Process command = builder.start();
    Process live = new ProcessBuilder("sleep", "300").start();
    try {
      emptyEnviron = fakeEnviron(live.pid(), "");
      assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();
      return tree.count(command);
    } finally {
      live.destroyForcibly();
    }
  }

  /** Writes the stand-in's {@code <pid>/environ}, a real process's pid (the tree checks it is alive). */
  private Path fakeEnviron(long pid, String content) throws Exception {
    Path environ = Files.createDirectories(dir.resolve("proc").resolve(Long.toString(pid))).resolve("environ");
    Files.writeString(environ, content);
    return environ;
  }

  private static String entry(ProcessBuilder builder) {
    return "JIT_ELEVATE_TEST_TREE=" + builder.environment().get("JIT_ELEVATE_TEST_TREE");
  }

  private ProcessTree tree;

  private Process start(String script) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", script))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
    tree = ProcessTree.marking(builder, "JIT_ELEVATE_TEST_TREE");
    return builder.start();
  }

  private ProcessHandle awaitPid(String file) throws Exception {
    Path path = dir.resolve(file);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (Files.exists(path)) {
        String text = Files.readString(path).trim();
        if (!text.isEmpty()) {
          return ProcessHandle.of(Long.parseLong(text)).orElseThrow();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(file + " was never written");
  }
}
