package dev.jitelevate.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Failure;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.ActivationRecord.Principal;
import dev.jitelevate.core.ActivationRecord.Revocation;
import dev.jitelevate.core.ActivationRecord.Target;
import dev.jitelevate.core.ActivationRecord.Timeline;
import dev.jitelevate.core.ActivationRecord.Window;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A deterministic, realistic set of activation records as the core writes them (tests and the report
 * benchmark): a month of runs across repositories, roles and scopes, with failures, every revocation status
 * and, on every third record, a schema 1.2 {@code exposure} section.
 */
public final class GeneratedRecords {
  static final Instant START = Instant.parse("2026-10-01T06:00:00Z");
  private static final String[] ROLES = {"Contributor", "Key Vault Secrets Officer", "AcrPush", "Reader",
      "Storage Blob Data Contributor"};
  private static final String[] SCOPES = {"/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12",
      "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app",
      "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-data",
      "/subscriptions/7d1e2f30-1111-4222-8333-444455556666/resourceGroups/rg-prod"};
  private static final String[] REPOS = {"contoso/payments", "contoso/web", "contoso/infra", "contoso/data-jobs",
      "fabrikam/api", "fabrikam/release"};
  private static final String[] ACTORS = {"alice", "bob", "carol", "dependabot[bot]", "erin", "frank"};
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GeneratedRecords() {}

  /** Writes {@code count} records as {@code record-NNNNNN.json} into the folder. */
  public static void writeTo(Path dir, int count) {
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < count; i++) {
        Files.writeString(dir.resolve(String.format("record-%06d.json", i)), json(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The i-th record's JSON; every third carries an exposure section (schema 1.2). */
  public static String json(int i) {
    String json = ActivationRecords.toJson(record(i));
    if (i % 3 != 0) {
      return json;
    }
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(json);
      Instant ended = Instant.parse(node.path("timeline").path("finished").asText(START.toString()));
      Instant tokenExp = ended.plus(Duration.ofMinutes(40 + i % 50));
      node.put("schemaVersion", "1.2");
      ObjectNode exposure = node.putObject("exposure");
      exposure.putObject("tokensIssuedDuringWindow").put("count", 1 + i % 4).put("latestExpiry", tokenExp.toString());
      exposure.put("maxAccessTokenLifetime", "PT1H30M");
      exposure.put("accessMayPersistUntil", tokenExp.toString());
      exposure.put("explanation", "Tokens issued while the role was active stay valid until they expire.");
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The i-th record. */
  public static ActivationRecord record(int i) {
    SplittableRandom random = new SplittableRandom(i * 7919L + 17);
    Instant requested = START.plus(Duration.ofMinutes(i * 37L % (30 * 24 * 60))).plusMillis(random.nextInt(60_000));
    Outcome outcome = outcome(random.nextInt(100));
    boolean active = outcome == Outcome.SUCCEEDED || outcome == Outcome.FAILED;
    Instant provisioned = requested.plusMillis(1500 + random.nextInt(outcome == Outcome.TIMED_OUT ? 1 : 25_000));
    Instant verified = provisioned.plusMillis(2000 + random.nextInt(90_000));
    Instant finished = verified.plus(Duration.ofMinutes(2 + random.nextInt(20)));
    String repo = REPOS[random.nextInt(REPOS.length)];
    String requestId = String.format("%08x-1111-4111-8111-%012x", i, (long) i * 31);
    return new ActivationRecord("1.0", List.of(requestId),
        new Principal(String.format("c1c1c1c1-0000-4000-8000-%012d", i % 9), Optional.of("sp-deploy-" + i % 9),
            Optional.of("ServicePrincipal")),
        new Target(ActivationRecord.TargetKind.AZURE_ROLE, Optional.empty(), Optional.of(ROLES[random.nextInt(ROLES.length)]),
            SCOPES[random.nextInt(SCOPES.length)], Optional.empty()),
        Strategy.BROKER, "deploy " + repo, Optional.empty(),
        new Window(Duration.ofMinutes(30), active ? Optional.of(provisioned) : Optional.empty(),
            active ? Optional.of(provisioned.plus(Duration.ofMinutes(30))) : Optional.empty()),
        new Timeline(requested, Optional.of(requested.plusMillis(300)), Optional.empty(),
            active ? Optional.of(provisioned) : Optional.empty(), active ? Optional.of(verified) : Optional.empty(),
            Optional.empty(), Optional.empty(), active ? Optional.of(finished) : Optional.empty(),
            Optional.of(active ? finished.plusSeconds(2) : requested.plusSeconds(40))),
        Optional.empty(), outcome, revocation(outcome, i, finished), failure(outcome, i), random.nextInt(3),
        10 + random.nextInt(20), Map.of(),
        Map.of("github.repository", repo, "github.actor", ACTORS[random.nextInt(ACTORS.length)],
            "github.run_id", Long.toString(9_000_000L + i),
            "github.run_url", "https://github.com/" + repo + "/actions/runs/" + (9_000_000L + i)));
  }

  private static Outcome outcome(int dice) {
    if (dice < 84) {
      return Outcome.SUCCEEDED;
    }
    return dice < 90 ? Outcome.FAILED : dice < 94 ? Outcome.DENIED : dice < 97 ? Outcome.TIMED_OUT : Outcome.CANCELLED;
  }

  private static Revocation revocation(Outcome outcome, int i, Instant finished) {
    if (outcome != Outcome.SUCCEEDED && outcome != Outcome.FAILED) {
      return new Revocation(ActivationRecord.RevocationStatus.NOT_CREATED, Optional.empty(), Optional.empty());
    }
    int dice = i % 50;
    ActivationRecord.RevocationStatus status = dice == 0 ? ActivationRecord.RevocationStatus.FAILED : dice < 4
        ? ActivationRecord.RevocationStatus.LEFT_TO_EXPIRE : dice == 4 ? ActivationRecord.RevocationStatus.PRE_EXISTING
        : ActivationRecord.RevocationStatus.REVOKED;
    return new Revocation(status, Optional.of(finished.plus(Duration.ofMinutes(30))), Optional.empty());
  }

  private static Optional<Failure> failure(Outcome outcome, int i) {
    String azureRequestId = String.format("aaaa%04x-2222-4333-8444-%012x", i % 65536, (long) i);
    return switch (outcome) {
      case FAILED -> Optional.of(new Failure(FailureKind.OPERATION_FAILED, Optional.of("exit-1"),
          "The operation failed: az deployment group create exited with 1.", Optional.empty(), List.of()));
      case DENIED -> Optional.of(new Failure(FailureKind.DENIED, Optional.of("RoleAssignmentRequestPolicyValidationFailed"),
          "PIM refused the activation: the policy requires a ticket.", Optional.of(azureRequestId), List.of()));
      case TIMED_OUT -> Optional.of(new Failure(FailureKind.TIMED_OUT, Optional.empty(),
          "The role was not provisioned within 5 min.", Optional.of(azureRequestId), List.of()));
      default -> Optional.empty();
    };
  }
}
