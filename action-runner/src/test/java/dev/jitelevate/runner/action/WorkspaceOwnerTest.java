package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceOwnerTest {
  static final int RUNNER_UID = 1001;
  static final int RUNNER_GID = 121;

  @TempDir Path workspace;

  @Test
  void aRecordWrittenAsRootBelongsToTheWorkspacesOwnerDirectoryIncluded() throws IOException {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "only root can give files away (as the action does in its container)");
    Files.setAttribute(workspace, "unix:uid", RUNNER_UID);
    Files.setAttribute(workspace, "unix:gid", RUNNER_GID);
    Path file = workspace.resolve(RecordFiles.DIRECTORY).resolve("record-x.json");
    RecordFiles.write(file, StepSummaryTest.record("why"));
    for (Path written : new Path[] {file, file.getParent()}) {
      assertThat(Files.getAttribute(written, "unix:uid")).as(written.toString()).isEqualTo(RUNNER_UID);
      assertThat(Files.getAttribute(written, "unix:gid")).as(written.toString()).isEqualTo(RUNNER_GID);
    }
  }

  @Test
  void handsNothingOverOutsideTheWorkspace() throws IOException {
    Path outside = Files.createTempFile("jit-owner", ".json");
    try {
      Object before = Files.getAttribute(outside, "unix:uid");
      new WorkspaceOwner(workspace, RUNNER_UID, RUNNER_GID).handOver(outside);
      assertThat(Files.getAttribute(outside, "unix:uid")).isEqualTo(before);
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void theRecordPathOutputIsRelativeToTheWorkspaceSoLaterStepsCanOpenIt() {
    ActionEnvironment env = new ActionEnvironment(java.util.Map.of("GITHUB_WORKSPACE", "/github/workspace"));
    assertThat(RecordFiles.outputPath(Path.of("/github/workspace/.jit-elevate/record-1.json"), env))
        .isEqualTo(".jit-elevate/record-1.json");
  }
}
