package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFilesTest {
  @TempDir
  Path dir;

  @Test
  void aWriteReplacesTheFileAndMakesItsFolder() throws IOException {
    Path file = dir.resolve("sub/record.json");
    WholeFiles.write(file, "old", WholeFiles.Readers.AS_UMASK_ALLOWS);

    WholeFiles.write(file, "new", WholeFiles.Readers.AS_UMASK_ALLOWS);

    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(names(file.getParent())).containsExactly("record.json");
  }

  @Test
  void aFileForItsOwnerOnlyIsReadableByNobodyElse() throws IOException {
    Path file = WholeFiles.write(dir.resolve("handle.json"), "{}", WholeFiles.Readers.OWNER);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aFileForWhomTheUmaskAllowsIsAtLeastTheOwnersToReadAndWrite() throws IOException {
    Path file = WholeFiles.write(dir.resolve("record.json"), "{}", WholeFiles.Readers.AS_UMASK_ALLOWS);

    assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aWriteThatFailsLeavesNothingBesideTheFile() throws IOException {
    Path taken = Files.createDirectories(dir.resolve("record.json"));
    Files.writeString(taken.resolve("inside"), "a folder that cannot be replaced by a file");

    assertThatThrownBy(() -> WholeFiles.write(taken, "{}", WholeFiles.Readers.AS_UMASK_ALLOWS))
        .isInstanceOf(IOException.class);

    assertThat(names(dir)).containsExactly("record.json");
    assertThat(names(taken)).containsExactly("inside");
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
