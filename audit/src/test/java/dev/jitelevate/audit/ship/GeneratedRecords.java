package dev.jitelevate.audit.ship;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Varied, schema-valid records: every outcome and revocation status, all three target kinds, some with approvals. */
final class GeneratedRecords {
  private static final String[] REVOCATIONS = {"REVOKED", "LEFT_TO_EXPIRE", "FAILED", "NOT_CREATED", "PRE_EXISTING"};
  private static final String[] KINDS = {"azure-role", "directory-role", "group"};

  private GeneratedRecords() {}

  static ActivationRecord number(int i) {
    Instant requested = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(37L * i));
    Outcome outcome = Outcome.values()[i % 5];
    String revocation = REVOCATIONS[i % REVOCATIONS.length];
    String kind = KINDS[i % 3];
    Instant provisioned = requested.plusSeconds(20 + i % 40);
    Instant expires = provisioned.plus(Duration.ofHours(1));
    Instant revoked = provisioned.plusSeconds(300);
    Optional<ActivationRecord.Failure> error = outcome == Outcome.SUCCEEDED || outcome == Outcome.DRY_RUN
        ? Optional.empty()
        : Optional.of(new ActivationRecord.Failure(FailureKind.DENIED, Optional.of("RoleAssignmentRequestPolicyValidationFailed"),
            "The policy refused request " + i, Optional.of(UUID.nameUUIDFromBytes(("req" + i).getBytes()).toString()),
            List.of()));
    Map<String, String> ci = new LinkedHashMap<>();
    ci.put("github.repository", "contoso/repo-" + (i % 7));
    ci.put("github.run_id", Long.toString(9000000L + i));
    ci.put("github.workflow", "deploy");
    ci.put("github.actor", "octocat");
    if (i % 4 == 0) {
      ci.put("github.pr_number", Integer.toString(i));
      ci.put("github.pr_url", "https://github.com/contoso/repo/pull/" + i);
      ci.put("github.run_attempt", "1");
      ci.put("github.run_url", "https://github.com/contoso/repo/actions/runs/" + (9000000L + i));
      ci.put("github.event_name", "pull_request");
      ci.put("github.ref", "refs/pull/" + i + "/merge");
      ci.put("github.sha", "8f14e45fceea167a5a36dedd4bea2543c9a2e0d1");
    }
    return new ActivationRecord("1.0", List.of(UUID.nameUUIDFromBytes(("id" + i).getBytes()).toString()),
        new ActivationRecord.Principal(UUID.nameUUIDFromBytes(("p" + i % 11).getBytes()).toString(),
            Optional.of("principal " + i % 11), Optional.of("ServicePrincipal")),
        new ActivationRecord.Target(targetKind(kind), Optional.of("b86a8fe4-44ce-4948-aee5-eccb2c155cd7"),
            Optional.of("Key Vault Secrets Officer"), "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app",
            kind.equals("group") ? Optional.of(GroupAccess.MEMBER) : Optional.empty()),
        i % 2 == 0 ? Strategy.BROKER : Strategy.SELF, "generated record " + i,
        i % 3 == 0 ? Optional.of(new TicketInfo("CHG-" + i, "servicenow")) : Optional.empty(),
        new ActivationRecord.Window(Duration.ofHours(1), Optional.of(provisioned), Optional.of(expires)),
        new ActivationRecord.Timeline(requested, Optional.of(requested.plusSeconds(1)),
            i % 10 == 0 ? Optional.of(requested.plusSeconds(10)) : Optional.empty(),
            Optional.of(provisioned), Optional.of(provisioned.plusSeconds(5)), Optional.of(provisioned.plusSeconds(6)),
            Optional.of(provisioned.plusSeconds(60)), revocation.equals("REVOKED") ? Optional.of(revoked) : Optional.empty(),
            Optional.of(revoked.plusSeconds(1))),
        i % 10 == 0 ? Optional.of(new ActivationRecord.Approval("appr-" + i, Optional.of("b0b00000-0000-4000-8000-000000000002"),
            Optional.of("Approve"), Optional.of("ok"), Optional.of(requested.plusSeconds(10)))) : Optional.empty(),
        outcome, new ActivationRecord.Revocation(ActivationRecord.RevocationStatus.valueOf(revocation), Optional.of(expires), Optional.of("status " + revocation)),
        error, i % 3, 10 + i % 5, Map.of("name", i % 2 == 0 ? "keyvault-rotate" : "none"), ci,
        revocation.equals("REVOKED") && i % 2 == 0 ? Optional.of(new ActivationRecord.Exposure(1 + i % 3,
            Optional.of(revoked.plus(Duration.ofMinutes(70))), Duration.ofMinutes(90), revoked.plus(Duration.ofMinutes(90)),
            "tokens issued while active stay valid until they expire")) : Optional.empty());
  }

  private static ActivationRecord.TargetKind targetKind(String wire) {
    return ActivationRecord.TargetKind.valueOf(wire.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
