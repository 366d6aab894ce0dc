package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallAndRenderTest {
  final CapturedConsole captured = new CapturedConsole();
  final CallAndRender<List<String>> names = CallAndRender.<List<String>>of("names",
      l -> "{\"names\":" + l.size() + "}", l -> l).withExitCode(l -> l.isEmpty() ? 0 : 3)
      .on(IllegalStateException.class, 4, e -> "refused: " + e.getMessage() + " Sign in as a reader.");

  static OutputOptions output(boolean json) {
    OutputOptions o = new OutputOptions();
    o.json = json;
    return o;
  }

  @Test
  void printsTheResultAsTextLinesAndReturnsItsExitCode() {
    int code = names.run(captured.console, output(false), () -> List.of("alice", "bob"));

    assertThat(code).isEqualTo(3);
    assertThat(captured.out().lines()).containsExactly("alice", "bob");
    assertThat(captured.err()).isEmpty();
  }

  @Test
  void printsTheResultAsJsonWhenAskedTo() {
    int code = names.run(captured.console, output(true), List::of);

    assertThat(code).isZero();
    assertThat(captured.out().strip()).isEqualTo("{\"names\":0}");
  }

  @Test
  void aNamedFailureBecomesItsExitCodeAndOneLineNamingTheCommand() {
    int code = names.run(captured.console, output(true), () -> {
      throw new IllegalStateException("the directory said no.");
    });

    assertThat(code).isEqualTo(4);
    assertThat(captured.out()).isEmpty();
    assertThat(captured.err().lines()).containsExactly(
        "jit-elevate names: refused: the directory said no. Sign in as a reader.");
  }

  @Test
  void anyOtherFailureIsLeftToTheExitCodeMapper() {
    UncheckedIOException down = new UncheckedIOException(new java.io.IOException("connection reset"));

    assertThatThrownBy(() -> names.run(captured.console, output(false), () -> {
      throw down;
    })).isSameAs(down);
    assertThat(captured.out()).isEmpty();
    assertThat(captured.err()).isEmpty();
  }
}
