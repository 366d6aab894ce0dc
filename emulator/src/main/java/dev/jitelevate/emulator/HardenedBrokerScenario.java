package dev.jitelevate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Scenario;

/**
 * The demo tenant set up for the hardened broker (docs/security-model.md): the repository's OIDC subject
 * includes {@code job_workflow_ref}; the broker trusts only the reusable broker workflow's subject, the workload
 * identity only the caller's own workflow. No subject is shared, so a step of the work job cannot sign in as the
 * broker. The demo scenario itself keeps the old shared-subject set-up of the examples.
 */
public final class HardenedBrokerScenario {
  /** The reusable workflow the broker trusts. */
  public static final String BROKER_WORKFLOW = "contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1";
  /** The caller's own workflow, where the work job runs. */
  public static final String CALLER_WORKFLOW = "contoso/payments/.github/workflows/deploy.yml@refs/heads/main";
  /** The subject template's claim keys, as {@code actions/oidc/customization/sub} sets them. */
  public static final java.util.List<String> SUBJECT_CLAIMS = java.util.List.of("repo", "context", "job_workflow_ref");

  private static final String ISSUER = "https://token.actions.githubusercontent.com";
  private static final String PREFIX = "repo:contoso/payments:environment:production:job_workflow_ref:";

  private HardenedBrokerScenario() {}

  /** The demo scenario with the hardened set-up; the job runs in environment production of the caller's workflow. */
  public static Scenario of(Scenario base) {
    ObjectNode root = base.root().deepCopy();
    for (JsonNode sp : root.path("servicePrincipals")) {
      String name = sp.path("displayName").asText();
      if ("jit-broker".equals(name)) {
        credentials((ObjectNode) sp, "via-jit-broker-workflow", PREFIX + BROKER_WORKFLOW);
      } else if ("ci-payments-deployer".equals(name)) {
        credentials((ObjectNode) sp, "production-deploy-workflow", PREFIX + CALLER_WORKFLOW);
      }
    }
    ObjectNode github = root.with("github");
    github.put("environment", "production").put("workflow", "deploy");
    ArrayNode keys = github.putArray("subjectClaimKeys");
    SUBJECT_CLAIMS.forEach(keys::add);
    return new Scenario(root);
  }

  private static void credentials(ObjectNode sp, String name, String subject) {
    ArrayNode creds = sp.putArray("federatedCredentials");
    creds.addObject().put("name", name).put("issuer", ISSUER).put("subject", subject)
        .putArray("audiences").add("api://AzureADTokenExchange");
  }
}
