package dev.jitelevate.core.it.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Core's own class path is an Azure-roles-only consumer's: jit-elevate-graph is not on it, so Azure roles work
 * and a Graph target fails before anything is submitted, naming the artifact to add.
 */
class WithoutGraphArtifactIT {
  @RegisterExtension
  static final ArmEmulatorRun run = new ArmEmulatorRun();

  private static ElevationRequest.Builder request() {
    return ElevationRequest.builder().strategy(Strategy.SELF).duration(Duration.ofMinutes(30))
        .justification("release 42").provisioningTimeout(Duration.ofSeconds(5));
  }

  @Test
  void theGraphSdkIsNotOnAnAzureRolesConsumersClassPath() {
    assertThat(getClass().getClassLoader().getResource("com/microsoft/graph/serviceclient/GraphServiceClient.class"))
        .isNull();
  }

  @Test
  void aDirectoryRoleFailsAsAnInvalidRequestNamingTheArtifactToAdd() {
    ElevationOutcome outcome = run.selfElevator().run(request().directoryRole("User Administrator").build(), c -> { });

    assertThat(outcome.failure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
      assertThat(f.getMessage()).contains("dev.jitelevate:jit-elevate-graph");
    });
    assertThat(outcome.record().requestIds()).isEmpty();
  }

  @Test
  void aGroupFailsTheSameWay() {
    ElevationOutcome outcome = run.selfElevator().run(
        request().group("grp-prod-admins", GroupAccess.MEMBER).build(), c -> { });

    assertThat(outcome.failure()).hasValueSatisfying(f ->
        assertThat(f.getMessage()).contains("PIM for Groups", "jit-elevate-graph"));
  }
}
