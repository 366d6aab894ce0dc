package dev.jitelevate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsTest {
  @TempDir Path dir;

  @Test
  void reportsAFileThatIsNotARecordAndSkipsIt() throws Exception {
    Files.writeString(dir.resolve("a.json"), "{\"hello\": 1}");
    Files.writeString(dir.resolve("b.json"), "not json");
    Files.writeString(dir.resolve("notes.txt"), "ignored: not *.json");

    Records.RecordSet set = Records.read(List.of(dir));

    assertThat(set.records()).isEmpty();
    assertThat(set.skipped()).extracting(s -> s.file().getFileName().toString()).containsExactly("a.json", "b.json");
    assertThat(set.skipped().get(1).reason()).contains("not valid JSON");
  }

  @Test
  void refusesAPathThatDoesNotExistNamingIt() {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> Records.read(List.of(missing)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("nowhere");
  }
}
