package dev.jitelevate.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the runner starts the action's steps ({@code jit-elevate action}, {@code jit-elevate action-post}, no other
 * argument): straight into the step, without picocli's model of a command line, and with the same exit codes and
 * messages as through it.
 */
class ActionStepStartIT {
  @TempDir Path dir;

  private record Run(int code, String out, List<String> loaded) {}

  private Run start(String... args) throws IOException, InterruptedException {
    Path classes = dir.resolve("classes.log");
    Path out = dir.resolve("out.log");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
        JitElevate.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("INPUT_")
        || k.startsWith("STATE_") || k.startsWith("ACTIONS_") || k.startsWith("JIT_ELEVATE"));
    Process process = pb.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the step ended").isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readAllLines(classes, StandardCharsets.UTF_8));
  }

  private static boolean modelled(List<String> loaded) {
    return loaded.stream().anyMatch(line -> line.contains(" picocli.CommandLine$Model$CommandSpec "));
  }

  @Test
  void theMainStepStartsWithoutBuildingACommandLineModelAndStillReportsAMissingInput() throws Exception {
    Run run = start("action");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).startsWith("::error title=Invalid input 'client-id'::").doesNotContain("Exception");
    assertThat(modelled(run.loaded())).as("picocli's command model was built").isFalse();
  }

  @Test
  void thePostStepStartsWithoutBuildingACommandLineModel() throws Exception {
    Run run = start("action-post");

    assertThat(run.code()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("nothing to revoke");
    assertThat(modelled(run.loaded())).as("picocli's command model was built").isFalse();
  }

  @Test
  void anythingAfterTheStepsNameIsStillParsedByPicocli() throws Exception {
    Run run = start("action", "--no-such-option");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).contains("Unknown option: '--no-such-option'");
    assertThat(modelled(run.loaded())).isTrue();
  }
}
