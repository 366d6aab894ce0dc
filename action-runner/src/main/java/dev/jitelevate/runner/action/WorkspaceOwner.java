package dev.jitelevate.runner.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Hands what the action writes in the workspace to the workspace's owner. GitHub runs a container action as
 * root with the runner's workspace mounted; files and directories left there owned by root make the next
 * {@code actions/checkout} clean of a persistent self-hosted runner fail with EACCES. The owner is that of the
 * workspace directory (the runner's user), read as numeric ids, which need no user database in the image.
 *
 * @param workspace the directory whose owner everything below it is given to
 * @param uid its owner
 * @param gid its group
 */
record WorkspaceOwner(Path workspace, int uid, int gid) {

  /** The workspace's owner; one that hands nothing over when the file system has no POSIX owners. */
  static WorkspaceOwner of(Path workspace) {
    Path dir = workspace.toAbsolutePath().normalize();
    return read(dir).orElse(new WorkspaceOwner(dir, -1, -1));
  }

  static Optional<WorkspaceOwner> read(Path workspace) {
    try {
      return Optional.of(new WorkspaceOwner(workspace, (Integer) Files.getAttribute(workspace, "unix:uid"),
          (Integer) Files.getAttribute(workspace, "unix:gid")));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * Gives {@code path} and each directory between it and the workspace to the owner, where they differ. Best
   * effort: outside a container the action already runs as the owner, and a file system without POSIX owners
   * has nothing to hand over.
   */
  void handOver(Path path) {
    if (uid < 0) {
      return;
    }
    for (Path p = path.toAbsolutePath().normalize(); p != null && p.startsWith(workspace) && !p.equals(workspace);
        p = p.getParent()) {
      try {
        if (!Integer.valueOf(uid).equals(Files.getAttribute(p, "unix:uid"))
            || !Integer.valueOf(gid).equals(Files.getAttribute(p, "unix:gid"))) {
          Files.setAttribute(p, "unix:uid", uid);
          Files.setAttribute(p, "unix:gid", gid);
        }
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
        return;
      }
    }
  }
}
