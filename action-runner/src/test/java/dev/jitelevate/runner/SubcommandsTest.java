package dev.jitelevate.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SubcommandsTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final JitElevate root = new JitElevate(new Env(Map.of()),
      new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
          new Redactor()));

  @Test
  void eachRegisteredNameIsTheNameItsCommandDeclares() {
    List<String> declared = Subcommands.every().stream().map(c -> c.getAnnotation(Command.class).name()).toList();

    assertThat(declared).isEqualTo(Subcommands.names());
  }

  @Test
  void aRunModelsOnlyTheCommandItNames() {
    CommandLine line = JitElevate.commandLine(root, new String[] {"elevate", "--help"});

    assertThat(line.getSubcommands()).containsOnlyKeys("elevate");
  }

  @Test
  void helpAVersionRequestAndAMistypedCommandSeeEveryCommand() {
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"elevat"},
        new String[] {"generate-completion"})) {
      assertThat(JitElevate.commandLine(root, args).getSubcommands().keySet())
          .as(String.join(" ", args)).containsExactlyElementsOf(Subcommands.names());
    }
  }

  @Test
  void everyCommandIsModelledWholeWhenRegisteredAlone() {
    for (String name : Subcommands.names()) {
      CommandLine alone = JitElevate.commandLine(root, new String[] {name}).getSubcommands().get(name);
      CommandLine inTree = JitElevate.commandLine(root).getSubcommands().get(name);

      assertThat(alone.getUsageMessage()).as(name).isEqualTo(inTree.getUsageMessage());
    }
  }

  @Test
  void theActionsStepsSkipTheParserOnlyWhenTheyAreTheWholeCommandLine() {
    assertThat(Subcommands.isActionStep(new String[] {"action"})).isTrue();
    assertThat(Subcommands.isActionStep(new String[] {"action-post"})).isTrue();

    assertThat(Subcommands.isActionStep(new String[] {"action", "--help"})).isFalse();
    assertThat(Subcommands.isActionStep(new String[] {"elevate"})).isFalse();
    assertThat(Subcommands.isActionStep(new String[0])).isFalse();
  }

  @Test
  void aMistypedCommandIsStillAnsweredWithASuggestion() {
    int code = JitElevate.commandLine(root, new String[] {"elevat"}).execute("elevat");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("elevate");
  }
}
