package dev.jitelevate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
