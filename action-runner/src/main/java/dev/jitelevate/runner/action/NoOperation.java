package dev.jitelevate.runner.action;

import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;

/** The operation of {@code operation: none}: the elevation itself is the point (revoke: after-operation checks it works). */
final class NoOperation implements PrivilegedOperation {
  static final NoOperation INSTANCE = new NoOperation();

  private NoOperation() {}

  @Override
  public void perform(OperationContext context) {
    // Nothing to do: the lifecycle has already verified that the elevation is effective.
  }

  @Override
  public String name() {
    return "none";
  }
}
