package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the console lets through to a terminal and to a CI log that parses workflow commands. */
class ConsoleTest {
  private final CapturedConsole captured = new CapturedConsole();

  @Nested
  class Results {
    @Test
    void keepTheirLinesButCannotStartAWorkflowCommand() {
      captured.console.result("Outcome: SUCCEEDED\n::error::forged by a PR title\nnext");

      assertThat(captured.out().lines()).containsExactly("Outcome: SUCCEEDED", ": :error::forged by a PR title", "next");
    }

    @Test
    void breakTheLegacyMarkerAndDropEscapesAnywhereInALine() {
      captured.console.result("Justification: fix ##[error]boom \u001B[31mred\u001B[0m");

      assertThat(captured.out()).doesNotContain("##[").doesNotContain("\u001B").contains("fix # #[error]boom red");
    }

    @Test
    void leaveJsonIntact() {
      captured.console.result("{\n  \"outcome\" : \"SUCCEEDED\",\n  \"requestIds\" : [ \"a\" ]\n}");

      assertThat(captured.out().lines()).containsExactly("{", "  \"outcome\" : \"SUCCEEDED\",", "  \"requestIds\" : [ \"a\" ]", "}");
    }
  }
}
