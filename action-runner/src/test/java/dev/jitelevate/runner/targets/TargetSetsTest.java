package dev.jitelevate.runner.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetSetsTest {
  @TempDir
  Path dir;

  Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("sets.yaml"), yaml);
  }

  @Test
  void readsASetsTargetsAndItsDefaults() throws IOException {
    Path f = file("""
        sets:
          oncall:
            duration: 1h
            justification: on-call shift
            targets:
              - azure-role:Contributor@/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app
              - directory-role:User Administrator
              - group:member@grp-ops
        """);
    TargetSets.TargetSet set = TargetSets.load(f, "oncall");
    assertThat(set.targets()).hasSize(3);
    assertThat(set.duration()).contains(Duration.ofHours(1));
    assertThat(set.justification()).contains("on-call shift");
  }

  @Test
  void findsTheFileUnderXdgConfigHomeElseUnderHome() {
    assertThat(TargetSets.defaultFile(Optional.of("/x/cfg"), Optional.of("/home/a")))
        .isEqualTo(Path.of("/x/cfg/jit-elevate/sets.yaml"));
    assertThat(TargetSets.defaultFile(Optional.empty(), Optional.of("/home/a")))
        .isEqualTo(Path.of("/home/a/.config/jit-elevate/sets.yaml"));
  }

  @Test
  void aBadTargetIsReportedWithTheFileItsLineAndTheSyntax() throws IOException {
    Path f = file("""
        sets:
          oncall:
            targets:
              - directory-role:User Administrator
              - azure-role:Contributor
        """);
    assertThatThrownBy(() -> TargetSets.load(f, "oncall")).isInstanceOfSatisfying(SetsFileException.class, e -> {
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.getMessage()).startsWith(f + ":5: ").contains("ROLE@SCOPE");
    });
  }

  @Test
  void anUnknownSettingOrSetOrAMissingFileSaysWhatToDo() throws IOException {
    Path f = file("sets:\n  oncall:\n    target: [group:g]\n");
    assertThatThrownBy(() -> TargetSets.load(f, "oncall")).hasMessageContaining(":3: 'target' is not a setting")
        .hasMessageContaining("Use targets, duration or justification");
    assertThatThrownBy(() -> TargetSets.load(f, "release")).hasMessageContaining("no set 'release'")
        .hasMessageContaining("Use one of oncall");
    assertThatThrownBy(() -> TargetSets.load(dir.resolve("none.yaml"), "oncall")).hasMessageContaining("There is no sets file")
        .hasMessageContaining("--config");
  }

  @Test
  void yamlThatDoesNotParseIsReportedWithItsLine() throws IOException {
    Path f = file("sets:\n  oncall:\n    targets: [group:g\n    duration: 1h\n");
    assertThatThrownBy(() -> TargetSets.load(f, "oncall")).isInstanceOfSatisfying(SetsFileException.class, e -> {
      assertThat(e.line()).isPositive();
      assertThat(e.getMessage()).contains("is not valid YAML");
    });
  }
}
