package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import java.util.Objects;

/**
 * What acquiring yields: the target and principal as resolved, and the handle that revokes the access.
 *
 * @param target the resolved target
 * @param principal the elevated principal
 * @param handle what revokes it (with {@code createdByThisRun = false} when the access existed before)
 */
record Acquired(ResolvedTarget target, PrincipalInfo principal, RevocationHandle handle) {
  Acquired {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(handle, "handle");
  }
}
