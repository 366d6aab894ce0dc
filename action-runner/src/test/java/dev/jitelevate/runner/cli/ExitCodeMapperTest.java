package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.runner.ExitCodes;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExitCodeMapperTest {
  final ExitCodeMapper mapper = new ExitCodeMapper();

  @Nested
  class Failures {
    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void eachFailureKindGetsItsOwnCode(FailureKind kind) {
      assertThat(mapper.getExitCode(new ElevationException(kind, "x"))).isEqualTo(ExitCodes.of(kind));
    }

    @Test
    void noTwoFailureKindsShareACodeAndNoneIsSuccess() {
      Set<Integer> codes = Arrays.stream(FailureKind.values()).filter(k -> k != FailureKind.INTERNAL)
          .map(ExitCodes::of).collect(Collectors.toSet());
      assertThat(codes).hasSize(FailureKind.values().length - 1).doesNotContain(ExitCodes.OK, ExitCodes.INTERNAL_ERROR);
    }

    @Test
    void badInputIs2WhetherTheCoreOrTheCliNoticedIt() {
      assertThat(mapper.getExitCode(new InvalidElevationRequestException("scope", "bad", "fix"))).isEqualTo(2);
      assertThat(mapper.getExitCode(new CliInputException("--pr", "bad", "fix"))).isEqualTo(2);
    }

    @Test
    void anythingUnexpectedIs1() {
      assertThat(mapper.getExitCode(new IllegalStateException("bug"))).isEqualTo(ExitCodes.INTERNAL_ERROR);
    }

    @Test
    void anInternalFailureOfTheLifecycleIs1AndAsksForTheStackTrace() {
      ElevationException bug = new ElevationException(FailureKind.INTERNAL, "The submit step failed unexpectedly: NPE");
      assertThat(mapper.getExitCode(bug)).isEqualTo(ExitCodes.INTERNAL_ERROR);
      assertThat(ShortErrorHandler.message(bug)).startsWith("internal: ").endsWith("(run again with --stacktrace and report it)");
    }
  }

  @Nested
  class Commands {
    final ElevationOutcome ok = new ElevationOutcome(ActivationRecords.fromJson(RecordFixtures.RECORD), Optional.empty());
    final ElevationOutcome failed = new ElevationOutcome(ok.record(),
        Optional.of(new ElevationException(FailureKind.OPERATION_FAILED, "command exited with 3")));

    @Test
    void theCommandsOwnExitCodeIsPassedOn() {
      assertThat(ElevateCommand.exitCode(failed, 3)).isEqualTo(3);
    }

    @Test
    void aSuccessfulCommandAndRunExit0() {
      assertThat(ElevateCommand.exitCode(ok, 0)).isZero();
    }

    @Test
    void aFailedRevocationAfterASuccessfulCommandIsStillAFailure() {
      ElevationOutcome revokeFailed = new ElevationOutcome(ok.record(),
          Optional.of(new ElevationException(FailureKind.REVOKE_FAILED, "x")));
      assertThat(ElevateCommand.exitCode(revokeFailed, 0)).isEqualTo(ExitCodes.of(FailureKind.REVOKE_FAILED));
    }
  }

  @Nested
  class Messages {
    @Test
    void nameTheKindTheAzureCodeAndTheRequestId() {
      String line = ShortErrorHandler.message(new ElevationException(FailureKind.DENIED, "Bob denied it.\nSee the portal.",
          "RoleAssignmentRequestDenied", "req-123", 400, null));
      assertThat(line).isEqualTo("denied: Bob denied it. See the portal. [RoleAssignmentRequestDenied] (request id req-123)");
    }

    @Test
    void nameTheOptionOfACoreInput() {
      assertThat(ShortErrorHandler.message(new InvalidElevationRequestException("environment", "Unknown cloud.", "Use azurecloud.")))
          .startsWith("--cloud: ");
    }
  }
}
