package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrivilegedOperation;

/**
 * Runs the privileged operation with the verified elevation. Its exceptions, assertion errors and linkage errors
 * (a missing class) become OPERATION_FAILED; other errors (out of memory, stack overflow) escape after the
 * lifecycle has revoked.
 */
final class PerformStep implements Step {

  @Override
  public String name() {
    return "perform";
  }

  @Override
  public void execute(Run run) throws InterruptedException {
    PrivilegedOperation operation = run.operation.orElseThrow();
    run.record.at(Milestone.OPERATION_STARTED, run.now());
    try {
      operation.perform(run.operationContext);
    } catch (InterruptedException e) {
      throw e;
    } catch (ElevationException e) {
      FailureKind kind = e.kind() == FailureKind.INTERRUPTED ? FailureKind.INTERRUPTED : FailureKind.OPERATION_FAILED;
      throw new ElevationException(kind, "The operation '" + operation.name() + "' failed: "
          + e.getMessage(), e.azureErrorCode().orElse(null), e.azureRequestId().orElse(null), e.httpStatus(), e);
    } catch (Exception | AssertionError | LinkageError e) {
      throw new ElevationException(FailureKind.OPERATION_FAILED, "The operation '" + operation.name() + "' failed: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, null, 0, e);
    } finally {
      run.record.at(Milestone.OPERATION_ENDED, run.now());
    }
  }
}
