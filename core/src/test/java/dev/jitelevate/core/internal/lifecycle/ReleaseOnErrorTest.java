package dev.jitelevate.core.internal.lifecycle;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.PrivilegedOperation;
import org.junit.jupiter.api.Test;

/** Errors, not only exceptions: whatever escapes an operation or a step, the elevation is revoked first. */
class ReleaseOnErrorTest {
  final Harness h = new Harness();

  @Test
  void anAssertionErrorInTheOperationIsAnOperationFailureAndIsRevoked() {
    ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {
      throw new AssertionError("expected 3 secrets");
    });
    assertThat(outcome.failure()).get().extracting(ElevationException::kind).isEqualTo(FailureKind.OPERATION_FAILED);
    assertThat(outcome.failure().get().getMessage()).contains("AssertionError").contains("expected 3 secrets");
    assertThat(h.surface.active).isEmpty();
    assertThat(outcome.record().revocation().status()).isEqualTo(RevocationStatus.REVOKED);
  }

  @Test
  void aMissingClassInTheOperationIsAnOperationFailureAndIsRevoked() {
    ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {
      throw new NoClassDefFoundError("com/example/VaultClient");
    });
    assertThat(outcome.failure().get().kind()).isEqualTo(FailureKind.OPERATION_FAILED);
    assertThat(h.surface.active).isEmpty();
  }

  @Test
  void aStackOverflowEscapesOnlyAfterTheElevationIsRevokedAndRecorded() {
    PrivilegedOperation recursive = new PrivilegedOperation() {
      @Override
      public void perform(dev.jitelevate.core.OperationContext ctx) {
        throw new StackOverflowError();
      }

      @Override
      public String name() {
        return "recursive";
      }
    };
    assertThatThrownBy(() -> h.elevator().run(Harness.brokerRequest().build(), recursive))
        .isInstanceOf(StackOverflowError.class);
    assertThat(h.surface.active).isEmpty();
    assertThat(h.submittedActions()).contains("AdminRemove");
    assertThat(h.stepsStarted()).contains("revoke", "record");
  }

  @Test
  void anUnexpectedExceptionInAStepIsAnInternalFailureNamedAsABug() {
    h.surface.submitErrors.push(new NullPointerException("request.scope"));
    ElevationOutcome outcome = h.elevator().run(Harness.brokerRequest().build(), ctx -> {});
    assertThat(outcome.failure().get().kind()).isEqualTo(FailureKind.INTERNAL);
    assertThat(outcome.failure().get().getMessage()).contains("a bug in jit-elevate").contains("NullPointerException");
    assertThat(outcome.record().error().get().kind()).isEqualTo(FailureKind.INTERNAL);
    assertThat(Harness.schemaErrors(outcome.record())).isEmpty();
  }

  @Test
  void anErrorStillLetsTheRevokeRunEvenWhenTheRevokeFails() {
    h.surface.removeErrors.push(FakeSurface.error(403, "AuthorizationFailed", "no"));
    assertThatThrownBy(() -> h.elevator().run(Harness.brokerRequest().build(), ctx -> {
      throw new OutOfMemoryError("Java heap space");
    })).isInstanceOf(OutOfMemoryError.class);
    assertThat(h.submittedActions()).contains("AdminRemove");
    assertThat(h.stepsStarted()).endsWith("revoke", "record");
  }
}
