package dev.jitelevate.audit;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.InvalidElevationRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads activation records from files and folders. A file that is not a record this version can read is
 * reported with the reason and skipped, never silently dropped.
 */
public final class Records {
  private Records() {}

  /** What reading one file gave: a {@link Loaded} record or a {@link Skipped} file. */
  public sealed interface Result permits Loaded, Skipped {
    Path file();
  }

  /** A record read from a file, with its optional {@code exposure} section (schema 1.2 and later). */
  public record Loaded(Path file, ActivationRecord record, Optional<Exposure> exposure) implements Result {
    public Loaded {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(exposure, "exposure");
    }

    public Loaded(Path file, ActivationRecord record) {
      this(file, record, Optional.empty());
    }
  }

  /** A file that was not read, and why. */
  public record Skipped(Path file, String reason) implements Result {
    public Skipped {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** What {@link #read} found: the records in path order, and the files it skipped. */
  public record RecordSet(List<Loaded> records, List<Skipped> skipped) {
    public RecordSet {
      records = List.copyOf(records);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Reads every {@code *.json} file named, or found (recursively) under a folder named, in sorted path order.
   *
   * @throws UncheckedIOException when a named path does not exist or a folder cannot be listed
   */
  public static RecordSet read(List<Path> paths) {
    List<Loaded> loaded = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path file : files(paths)) {
      Result result = readFile(file);
      if (result instanceof Loaded l) {
        loaded.add(l);
      } else {
        skipped.add((Skipped) result);
      }
    }
    return new RecordSet(loaded, skipped);
  }

  /**
   * Reads one file: the record, or the reason it is skipped. Never throws for a bad file, so callers can read
   * many files in parallel (as the report does for 100,000 records).
   */
  public static Result readFile(Path file) {
    try {
      String json = Files.readString(file, StandardCharsets.UTF_8);
      ActivationRecord record = ActivationRecords.fromJson(json);
      return new Loaded(file, record, Exposure.of(record));
    } catch (InvalidElevationRequestException e) {
      return new Skipped(file, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      return new Skipped(file, "it cannot be read: " + e.getMessage());
    }
  }

  /**
   * The {@code *.json} files named, or found (recursively) under a folder named, in sorted path order.
   *
   * @throws UncheckedIOException when a named path does not exist or a folder cannot be listed
   */
  public static List<Path> files(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.find(path, Integer.MAX_VALUE,
            (p, attributes) -> attributes.isRegularFile() && p.getFileName().toString().endsWith(".json"))) {
          walk.sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + path, e);
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new UncheckedIOException(new IOException(
            path + " does not exist: name record files (*.json) or folders that hold them"));
      }
    }
    return files;
  }
}
