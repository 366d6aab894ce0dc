package dev.jitelevate.runner.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The federated credential checks: no subject shared with a workload identity, broker subjects pinned down. */
final class SubjectChecks {
  private SubjectChecks() {}

  static List<Finding> run(SetUp setUp) {
    List<Finding> out = new ArrayList<>();
    for (FederatedCredential broker : setUp.brokerCredentials()) {
      for (Map.Entry<String, List<FederatedCredential>> workload : setUp.workloadCredentials().entrySet()) {
        for (FederatedCredential theirs : workload.getValue()) {
          if (broker.sharesSubjectWith(theirs)) {
            out.add(shared(setUp, broker, workload.getKey(), theirs));
          }
        }
      }
      if (broker.fromGitHubActions()) {
        pinned(setUp, broker, out);
      }
    }
    return out;
  }

  private static Finding shared(SetUp setUp, FederatedCredential broker, String workloadAppId, FederatedCredential theirs) {
    return new Finding(FindingCode.SHARED_SUBJECT, "The broker's credential " + broker.describe()
        + " trusts the same subject as workload identity " + workloadAppId + "'s credential '" + theirs.name()
        + "': every step of a job with that subject can sign in as the broker and assign roles.",
        "Delete it (az ad app federated-credential delete --id " + setUp.brokerAppId() + " --federated-credential-id "
            + broker.id() + ") and give the broker a credential only for the reusable broker workflow's subject, "
            + "repo:{owner}/{repo}:environment:{environment}:job_workflow_ref:{owner}/{repo}/.github/workflows/"
            + "jit-broker.yml@{ref} (docs/security-model.md, set-up commands).");
  }

  private static void pinned(SetUp setUp, FederatedCredential broker, List<Finding> out) {
    if (!broker.namesJobWorkflowRef()) {
      out.add(new Finding(FindingCode.BROKER_SUBJECT_WITHOUT_JOB_WORKFLOW_REF, "The broker's credential "
          + broker.describe() + " does not name a job_workflow_ref: a token of any workflow of that repository"
          + " matches it, including a step of the job that uses the grant.",
          "Include job_workflow_ref in the repository's OIDC subject (gh api -X PUT repos/{owner}/{repo}/actions/oidc/"
              + "customization/sub -F use_default=false -f 'include_claim_keys[]=repo' -f 'include_claim_keys[]=context'"
              + " -f 'include_claim_keys[]=job_workflow_ref') and trust only the reusable broker workflow's subject."));
    }
    if (!broker.namesEnvironment()) {
      out.add(new Finding(FindingCode.BROKER_SUBJECT_WITHOUT_ENVIRONMENT, "The broker's credential "
          + broker.describe() + " does not name an environment: no environment's reviewers or deployment-branch"
          + " rules stand between a workflow run and the broker.",
          "Run the broker's jobs in a protected GitHub environment and trust only subjects with it, e.g. "
              + "repo:{owner}/{repo}:environment:production:job_workflow_ref:… (az ad app federated-credential update"
              + " --id " + setUp.brokerAppId() + " --federated-credential-id " + broker.id() + " …)."));
    }
  }
}
