package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ActivationRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElevationFileTest {
  @TempDir
  Path dir;

  @Test
  void aHandleFileReadsBackAsTheSameHandleAndRecord() {
    var handle = ActivationRecords.handleFromJson(RecordFixtures.HANDLE);
    var record = ActivationRecords.fromJson(RecordFixtures.RECORD);

    Path file = ElevationFile.write(dir.resolve("sub/h.json"), handle, record);
    ElevationFile.Contents read = ElevationFile.read(file);

    assertThat(read.handle()).isEqualTo(handle);
    assertThat(read.record()).isEqualTo(record);
  }

  @Test
  void onlyTheOwnerCanReadIt() throws Exception {
    Path file = ElevationFile.writeRecord(dir.resolve("r.json"), ActivationRecords.fromJson(RecordFixtures.RECORD));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void manyRunsWritingOneRecordPathAtOnceAllSucceedAndLeaveOneWholeRecord() throws Exception {
    var record = ActivationRecords.fromJson(RecordFixtures.RECORD);
    Path file = dir.resolve("record.json");
    int writers = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
      java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
      for (int w = 0; w < writers; w++) {
        runs.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 50; i++) {
            ElevationFile.writeRecord(file, record);
          }
          return null;
        }));
      }
      for (var run : runs) {
        run.get(60, java.util.concurrent.TimeUnit.SECONDS); // a writer that lost a race would throw here
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(ActivationRecords.fromJson(Files.readString(file))).isEqualTo(record);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("record.json");
    }
  }

  @Test
  void aFileThatIsNotAHandleIsRefusedNamingTheOption() throws Exception {
    Path file = Files.writeString(dir.resolve("x.json"), "{\"foo\":1}");

    assertThatThrownBy(() -> ElevationFile.read(file)).isInstanceOf(CliInputException.class)
        .hasMessageContaining("not a jit-elevate handle file")
        .extracting(e -> ((CliInputException) e).option()).isEqualTo("--handle");
  }

  @Test
  void aMissingFileIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> ElevationFile.read(dir.resolve("none.json"))).isInstanceOf(CliInputException.class)
        .hasMessageContaining("it printed its path");
  }

  @Test
  void aRecordPathUnderAFileIsRefusedBeforeAnythingNamingTheOption() throws Exception {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");

    assertThatThrownBy(() -> ElevationFile.requireWritable(file.resolve("record.json"), "--record-out"))
        .isInstanceOf(CliInputException.class).hasMessageContaining("--record-out")
        .hasMessageContaining("is a file, not a folder").hasMessageContaining("nothing was elevated");
  }

  @Test
  void aRecordPathThatIsAFolderIsRefused() {
    assertThatThrownBy(() -> ElevationFile.requireWritable(dir, "--record-out")).isInstanceOf(CliInputException.class)
        .hasMessageContaining("it is a folder");
  }

  @Test
  void aWritablePathPassesAndLeavesNothingBehind() throws Exception {
    ElevationFile.requireWritable(dir.resolve("new/record.json"), "--record-out");

    try (var files = Files.list(dir.resolve("new"))) {
      assertThat(files).isEmpty();
    }
  }
}
