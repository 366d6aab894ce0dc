package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTest {
  final CapturedConsole captured = new CapturedConsole();

  @Test
  void anErrorEchoingAHostileValueCarriesNoEscapeNoLegacyCommandAndNoLeadingCommand() {
    captured.console.error("jit-elevate elevate: '##[error]x\u001B[31m\u009B2J' is not a duration");
    captured.console.progress("  ::set-output name=a::b\r\n::error::c");

    assertThat(captured.err().lines()).hasSize(2)
        .noneMatch(l -> l.contains("##[") || l.contains("\u001B") || l.contains("\u009B") || l.stripLeading().startsWith("::"));
    assertThat(captured.err()).contains("'# #[error]x", ": :set-output name=a::b");
  }
}
