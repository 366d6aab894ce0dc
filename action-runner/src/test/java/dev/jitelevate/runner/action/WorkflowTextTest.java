package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowTextTest {

  @Nested
  class UntrustedTextNeverBecomesACommand {
    @ParameterizedTest
    @ValueSource(strings = {"::set-output name=status::hacked", "fix\n::add-mask::x", "a\r\n::error::boom",
        "%0A::warning::x", "\u001B[2K\u001B[1G::stop-commands::abc", "##[set-output name=x;]y", "x\u2028::debug::y",
        "\u202Eevil::group::g"})
    void noWorkflowCommandSurvives(String hostile) {
      String safe = UntrustedText.neutralize(hostile, 500);
      assertThat(safe).doesNotContain("::", "\n", "\r", "\u001B", "##[", "\u2028", "\u202E").doesNotContainIgnoringCase("%0A");
    }

    @Test
    void invisibleCharactersAreShownInTheLogAndRemovedFromTheExactText() {
      assertThat(UntrustedText.neutralize("Owner\u200B", 100)).isEqualTo("Owner<U+200B>");
      assertThat(UntrustedText.neutralize("\u202Eetator", 100)).isEqualTo("<U+202E>etator");
      assertThat(UntrustedText.exact("Owner\u200B", 100)).isEqualTo("Owner");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
      assertThat(UntrustedText.neutralize("x".repeat(600), 500)).hasSize(500).endsWith("\u2026");
    }

    @Test
    void markdownCellsCannotOpenHtmlOrEndTheCell() {
      assertThat(UntrustedText.markdownCell("<img src=x> | `code`")).doesNotContain("<", ">", " | ").contains("&lt;img");
    }
  }

  @Nested
  class Log {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final WorkflowLog log = new WorkflowLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMaskedValueIsAnnouncedOnceAndRedactedFromThenOn() {
      log.mask("s3cret-value");
      log.mask("s3cret-value");
      log.info("token is s3cret-value");
      log.error("t", "again s3cret-value");
      assertThat(out().lines()).containsExactly("::add-mask::s3cret-value", "token is ***", "::error title=t::again ***");
    }

    @Test
    void annotationsEscapeDataAndProperties() {
      log.error("a: b, c", "100% done\nnext");
      assertThat(out().strip()).isEqualTo("::error title=a%3A b%2C c::100%25 done%0Anext");
    }

    @Test
    void aPlainLineCannotStartACommand() {
      log.info("::error::fake");
      log.info("  ::warning::fake, also after the white space the runner trims, and ##[error]fake mid-line");
      assertThat(out().lines()).noneMatch(l -> l.stripLeading().startsWith("::") || l.contains("##["));
      assertThat(out()).contains(": :error::fake");
    }
  }

  @Nested
  class FileCommandEntries {
    @TempDir Path dir;

    @Test
    void valuesComeBackExactlyEvenWhenTheyLookLikeEntries() throws IOException {
      Path file = Files.createFile(dir.resolve("output"));
      FileCommands commands = new FileCommands(Optional.of(file), "GITHUB_OUTPUT");
      String hostile = "x\nstatus=hacked\nghadelimiter_0\nrequest-id<<EOF\nEOF";
      commands.set("justification", hostile);
      commands.set("status", "ACTIVE");
      Map<String, String> parsed = RunnerFiles.parseFileCommands(Files.readString(file));
      assertThat(parsed).containsExactly(Map.entry("justification", hostile), Map.entry("status", "ACTIVE"));
    }
  }
}
