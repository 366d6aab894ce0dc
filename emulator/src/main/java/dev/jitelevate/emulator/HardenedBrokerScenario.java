package dev.jitelevate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Scenario;

/**
 * The demo tenant set up for the hardened broker (docs/security-model.md): the repository's OIDC subject
 * includes {@code job_workflow_ref}; the broker trusts only the reusable broker workflow's subject, the workload
 * identity only the caller's own workflow. No subject is shared, so a step of the work job cannot sign in as the
 * broker. The broker holds Role Based Access Control Administrator on {@link #BROKER_SCOPE} with a condition that
 * lets it assign and remove only {@link #ASSIGNABLE_ROLES}, instead of the demo's User Access Administrator. The demo scenario itself
 * keeps the old shared-subject set-up of the examples.
 */
public final class HardenedBrokerScenario {
  /** The reusable workflow the broker trusts. */
  public static final String BROKER_WORKFLOW = "contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1";
  /** The caller's own workflow, where the work job runs. */
  public static final String CALLER_WORKFLOW = "contoso/payments/.github/workflows/deploy.yml@refs/heads/main";
  /** The subject template's claim keys, as {@code actions/oidc/customization/sub} sets them. */
  public static final java.util.List<String> SUBJECT_CLAIMS = java.util.List.of("repo", "context", "job_workflow_ref");

  /** The roles the broker may assign and remove: Key Vault Secrets Officer and Contributor. */
  public static final java.util.List<String> ASSIGNABLE_ROLES =
      java.util.List.of("b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "b24988ac-6180-42a0-ab88-20f7382dd24c");
  /** The broker's condition, as "Delegate Azure role assignment management using conditions" writes it. */
  public static final String BROKER_CONDITION = "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'}))"
      + " OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
      + String.join(", ", ASSIGNABLE_ROLES) + "} AND @Request[Microsoft.Authorization/roleAssignments:PrincipalType]"
      + " ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'})) AND"
      + " ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR"
      + " (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {"
      + String.join(", ", ASSIGNABLE_ROLES) + "}))";
  /** Where the broker may assign: the resource group the hardened policy's rules name. */
  public static final String BROKER_SCOPE = "/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app";
  private static final String BROKER_ID = "b0b0b0b0-0000-4000-8000-000000000001";
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
    narrowBrokerRole(root);
    ObjectNode github = root.with("github");
    github.put("environment", "production").put("workflow", "deploy");
    ArrayNode keys = github.putArray("subjectClaimKeys");
    SUBJECT_CLAIMS.forEach(keys::add);
    return new Scenario(root);
  }

  /** Replaces the broker's User Access Administrator on the subscription by the conditioned RBAC Administrator on rg-app. */
  private static void narrowBrokerRole(ObjectNode root) {
    for (JsonNode ra : root.path("arm").path("roleAssignments")) {
      if (BROKER_ID.equals(ra.path("principalId").asText()) && "User Access Administrator".equals(ra.path("role").asText())) {
        ((ObjectNode) ra).put("role", "Role Based Access Control Administrator").put("scope", BROKER_SCOPE)
            .put("condition", BROKER_CONDITION)
            .put("conditionVersion", "2.0");
      }
    }
  }

  private static void credentials(ObjectNode sp, String name, String subject) {
    ArrayNode creds = sp.putArray("federatedCredentials");
    creds.addObject().put("name", name).put("issuer", ISSUER).put("subject", subject)
        .putArray("audiences").add("api://AzureADTokenExchange");
  }
}
