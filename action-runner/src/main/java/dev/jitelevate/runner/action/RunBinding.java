package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.runner.broker.ClaimName;
import dev.jitelevate.runner.broker.VerifiedClaims;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a grant to the workflow run it was made for: the grant job records the repository and run id of its
 * <em>verified</em> ID token in the record (labels {@value #REPOSITORY} and {@value #RUN_ID}), and the revoke job
 * removes only what was granted to its own run, compared with its own verified token, never with environment
 * variables. A handle passed to another run's revoke job is refused before the broker signs in.
 */
final class RunBinding {
  static final String REPOSITORY = "broker.grant.repository";
  static final String RUN_ID = "broker.grant.run_id";

  private RunBinding() {}

  /** The labels the grant job adds to its record. */
  static Map<String, String> labels(VerifiedClaims claims) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(REPOSITORY, claims.get(ClaimName.REPOSITORY).orElse(""));
    labels.put(RUN_ID, claims.runId().orElse(""));
    return labels;
  }

  /**
   * Requires the handle's record to name the run and repository of the revoke job's verified token.
   *
   * @throws ActionFailure (exit 3, policy violation) when it names another run, or none
   */
  static void requireSameRun(ActivationRecord granted, VerifiedClaims mine) {
    Optional<String> repository = label(granted, REPOSITORY);
    Optional<String> runId = label(granted, RUN_ID);
    String myRepository = mine.get(ClaimName.REPOSITORY).orElse("");
    String myRun = mine.runId().orElse("");
    if (repository.isEmpty() || runId.isEmpty()) {
      throw refused("The revocation handle names no verified run (it was not written by a grant job of this version).");
    }
    if (!repository.get().equals(myRepository) || !runId.get().equals(myRun)) {
      throw refused("The revocation handle was granted to run " + UntrustedText.neutralize(runId.get(), 40) + " of "
          + UntrustedText.neutralize(repository.get(), 200) + ", and this job's verified ID token is of run "
          + UntrustedText.neutralize(myRun, 40) + " of " + UntrustedText.neutralize(myRepository, 200) + ".");
    }
  }

  private static Optional<String> label(ActivationRecord record, String key) {
    return Optional.ofNullable(record.ci().get(key)).filter(v -> !v.isBlank());
  }

  private static ActionFailure refused(String why) {
    return new ActionFailure("Revocation handle of another run", why + " Nothing was revoked: the revoke job removes"
        + " only what the grant job of its own workflow run assigned; pass"
        + " revocation-handle: ${{ needs.grant.outputs.revocation-handle }} of this run.",
        ExitCodes.of(FailureKind.POLICY_VIOLATION));
  }
}
