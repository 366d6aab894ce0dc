package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Looks for secrets everywhere a simulated runner's steps left text: logs, file commands, state, the workspace. */
final class LeakScan {
  private LeakScan() {}

  /**
   * Asserts that none of the values appears in the steps' logs (except on {@code ::add-mask::} lines, which the
   * runner consumes), outputs, state, summaries, or any file of the workspace.
   */
  static void assertNoneIn(Path workspace, Collection<String> secrets, SimulatedRunner.Step... steps) {
    List<String> texts = new ArrayList<>();
    for (SimulatedRunner.Step s : steps) {
      texts.add(String.join("\n", s.stdout().lines().filter(l -> !l.startsWith("::add-mask::")).toList()));
      texts.add(s.stderr());
      texts.add(read(s.outputFile()));
      texts.add(read(s.stateFile()));
      texts.add(s.summary());
      s.state().values().forEach(v -> texts.add(tryDecode(v)));
    }
    try (Stream<Path> files = Files.walk(workspace)) {
      files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("cloud-profile.json"))
          .forEach(f -> texts.add(read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String secret : secrets) {
      assertThat(secret).isNotBlank();
      for (String text : texts) {
        assertThat(text).as("no log, output, state, summary or record shows a secret").doesNotContain(secret);
      }
    }
  }

  private static String tryDecode(String v) {
    try {
      return PostState.decode(v);
    } catch (IllegalArgumentException e) {
      return v;
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
