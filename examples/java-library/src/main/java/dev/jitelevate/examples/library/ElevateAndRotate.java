package dev.jitelevate.examples.library;

import com.azure.identity.AzureCliCredentialBuilder;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.Strategy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Using {@code core} directly from Java: a release engineer activates their eligible
 * "Key Vault Secrets Officer" role on one resource group for the minimum time, rotates one secret with it,
 * and the role is revoked whatever happened; the activation record says what was done.
 *
 * <pre>
 * az login
 * java -cp ... dev.jitelevate.examples.library.ElevateAndRotate TENANT_ID SCOPE VAULT SECRET ["why"] [cloud-profile.json]
 * </pre>
 */
public final class ElevateAndRotate {

  private ElevateAndRotate() {}

  /** The request: the signed-in person's own eligible role, self-activated for PIM's minimum of 5 minutes. */
  public static ElevationRequest request(String scope, String justification) {
    return ElevationRequest.builder()
        .azureRole("Key Vault Secrets Officer", scope)
        .strategy(Strategy.SELF)
        .duration(ElevationRequest.MINIMUM_DURATION)
        .justification(justification)
        .propagationTimeout(Duration.ofMinutes(5))
        .label("tool", "examples/java-library")
        .build();
  }

  /** Elevates, rotates and revokes; never throws for lifecycle failures, they are in the outcome. */
  public static ElevationOutcome run(Elevator elevator, String scope, String vault, String secret, String why) {
    return elevator.run(request(scope, why), new RotateSecret(vault, secret));
  }

  /** One line per lifecycle event: the core never prints, its listener does. */
  public static void print(ElevationEvent event) {
    if (event instanceof ElevationEvent.StepFinished f) {
      System.out.printf("  %-8s %s in %d ms%s%n", f.step(), f.succeeded() ? "done" : "FAILED", f.took().toMillis(),
          f.detail().isBlank() ? "" : " (" + f.detail() + ")");
    } else if (event instanceof ElevationEvent.Waiting w) {
      System.out.printf("  %-8s waiting: %s, %d s so far, deadline %s%n", w.step(), w.status(), w.elapsed().toSeconds(), w.deadline());
    } else if (event instanceof ElevationEvent.Notice n) {
      System.out.printf("  %s: %s%n", n.level().name().toLowerCase(java.util.Locale.ROOT), n.message());
    }
  }

  public static void main(String[] args) {
    if (args.length < 4) {
      System.err.println("usage: ElevateAndRotate TENANT_ID SCOPE VAULT SECRET [JUSTIFICATION] [CLOUD_PROFILE_JSON]");
      System.err.println("  e.g. ElevateAndRotate 7a1c... /subscriptions/3f2a.../resourceGroups/rg-app kv-jit-demo db-password \"INC-42 leaked\"");
      System.exit(2);
    }
    String tenant = args[0];
    String why = args.length > 4 ? args[4] : "Rotation by hand with examples/java-library";
    try {
      CloudProfile cloud = args.length > 5 ? CloudProfile.load(Path.of(args[5])) : CloudProfile.azurePublic();
      // A new credential per call: tokens must be issued after the activation (see CredentialSource).
      CredentialSource me = () -> new AzureCliCredentialBuilder().tenantId(tenant).build();
      Elevator elevator = Elevator.builder()
          .cloud(cloud)
          .tenantId(tenant)
          .identity(me)
          .listener(ElevateAndRotate::print)
          .build();
      ElevationOutcome outcome = run(elevator, args[1], args[2], args[3], why);
      ActivationRecord record = outcome.record();
      System.out.printf("outcome %s, revocation %s, requests %s, operation %s%n", record.outcome(),
          record.revocation().status(), record.requestIds(), record.operation());
      outcome.failure().ifPresent(f -> System.err.println("failed: " + f.getMessage()));
      System.exit(outcome.succeeded() ? 0 : 1);
    } catch (InvalidElevationRequestException e) {
      System.err.println("invalid request: " + e.getMessage());
      System.exit(2);
    }
  }
}
