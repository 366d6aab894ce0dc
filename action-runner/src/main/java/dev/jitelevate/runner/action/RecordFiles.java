package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.cli.WholeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the record lives: {@code $GITHUB_WORKSPACE/.jit-elevate/record-<request>.json}, and the artifact name
 * it is uploaded under (checked: no path separators, no {@code ..}, none of the characters GitHub refuses).
 */
final class RecordFiles {
  static final String DIRECTORY = ".jit-elevate";
  private static final Pattern UNSAFE_FILE = Pattern.compile("[^A-Za-z0-9._-]");
  private static final Pattern BAD_ARTIFACT = Pattern.compile("[\":<>|*?\\\\/\\r\\n\\x00-\\x1f]");

  private RecordFiles() {}

  /**
   * Checks the artifact-name input.
   *
   * @throws ActionFailure naming the input when it could escape the artifact's namespace or GitHub would refuse it
   */
  static Optional<String> artifactName(ActionEnvironment env) {
    Optional<String> name = env.input("artifact-name");
    name.ifPresent(n -> {
      if (n.contains("..") || BAD_ARTIFACT.matcher(n).find() || n.length() > 200) {
        throw ActionFailure.input("artifact-name", "'" + UntrustedText.neutralize(n, 80) + "' is not a safe artifact name:"
            + " it must not contain .., / or \\, nor \" : < > | * ? or control characters, and has at most 200 characters."
            + " Use e.g. activation-record-pr-42.");
      }
    });
    return name;
  }

  /** The artifact name: as given, else {@code jit-elevate-record-<request>}. */
  static String artifactNameFor(Optional<String> given, ActivationRecord record, ActionEnvironment env) {
    return given.orElseGet(() -> "jit-elevate-record-" + key(record, env));
  }

  /** The record's path in the workspace. */
  static Path pathFor(ActivationRecord record, ActionEnvironment env) {
    Path dir = env.workspace().resolve(DIRECTORY);
    Path file = dir.resolve("record-" + key(record, env) + ".json").normalize();
    if (!file.startsWith(dir)) {
      throw ActionFailure.internal("Unsafe record path", "The record's file name left " + DIRECTORY + ".");
    }
    return file;
  }

  private static String key(ActivationRecord record, ActionEnvironment env) {
    String id = record.requestIds().isEmpty()
        ? "run-" + env.get("GITHUB_RUN_ID").orElse("local") + "-" + record.timeline().requested().toEpochMilli()
        : record.requestIds().get(0);
    String safe = UNSAFE_FILE.matcher(id).replaceAll("_");
    return safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
  }

  /**
   * The path for the {@code record-path} output: relative to the workspace, the working directory of later
   * {@code run:} steps. The runner maps inputs and the environment into a container action, but not its outputs,
   * so an absolute path here would name {@code /github/workspace}, which no step outside the container can open.
   */
  static String outputPath(Path file, ActionEnvironment env) {
    Path workspace = env.workspace();
    return file.startsWith(workspace) ? workspace.relativize(file).toString() : file.toString();
  }

  /**
   * Writes the record, replacing an earlier version of it whole ({@link WholeFiles}), owned like the workspace
   * ({@link WorkspaceOwner}).
   *
   * @throws ActionFailure when the workspace cannot be written
   */
  static void write(Path file, ActivationRecord record) {
    try {
      WholeFiles.write(file, ActivationRecords.toJson(record) + "\n", WholeFiles.Readers.AS_UMASK_ALLOWS);
      Path directory = file.toAbsolutePath().normalize().getParent();
      if (directory.getFileName().toString().equals(DIRECTORY) && directory.getParent() != null) {
        WorkspaceOwner.of(directory.getParent()).handOver(file);
      }
    } catch (IOException e) {
      throw new ActionFailure("Cannot write the record", "Writing " + file + " failed (" + e.getClass().getSimpleName()
          + "). Check that the workspace is writable.", ExitCodes.INTERNAL_ERROR);
    }
  }
}
