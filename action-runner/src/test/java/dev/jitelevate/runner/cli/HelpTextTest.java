package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.runner.JitElevate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's {@code --help}, hidden ones included: each description line ends a sentence (picocli starts a
 * new line for each element, so an element that stops mid-sentence breaks the text there; blank elements are
 * paragraph breaks), the usage text fits the width picocli wraps to, and that width follows the terminal.
 */
class HelpTextTest {
  static Stream<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(JitElevate.commandLine(new JitElevate()), all);
    return all.stream();
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(c -> collect(c, into));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void everyDescriptionLineEndsItsSentence(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
    for (ArgSpec arg : spec.args()) {
      if (!arg.hidden()) {
        lines.addAll(List.of(arg.description()));
      }
    }
    assertThat(lines).as(spec.qualifiedName() + " has a description").isNotEmpty();
    assertThat(lines).filteredOn(line -> !line.isBlank()).allSatisfy(line -> assertThat(line.strip())
        .as(spec.qualifiedName()).matches("(?s).*[.:!?)]$"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void theUsageFitsTheHelpWidth(CommandLine command) {
    int width = command.getUsageHelpWidth();
    assertThat(command.getUsageMessage(CommandLine.Help.Ansi.OFF).lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(width));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void noDescriptionHoldsTextPicocliWouldReadAsMarkup(CommandLine command) {
    // "@|" opens picocli's style markup: "group:[member@|owner@]GROUP" once swallowed the rest of a description.
    CommandSpec spec = command.getCommandSpec();
    List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
    spec.args().forEach(arg -> texts.addAll(List.of(arg.description())));
    assertThat(texts).as(spec.qualifiedName()).noneMatch(text -> text.contains("@|"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void theHelpFollowsTheTerminalWidth(CommandLine command) {
    assertThat(command.isUsageHelpAutoWidth()).isTrue();
  }
}
