package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.AccessEvaluator;
import dev.jitelevate.emulator.kernel.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RoleAssignmentsApiTest {
  private final ArmFixture arm = new ArmFixture();

  private static String assignment(String scope, String name) {
    return scope + "/providers/Microsoft.Authorization/roleAssignments/" + name + "?api-version=" + RBAC;
  }

  private static JsonNode body(String role, String principal, String principalType, String description) {
    var body = Json.object();
    var p = body.putObject("properties");
    p.put("roleDefinitionId", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + role).put("principalId", principal);
    if (principalType != null) p.put("principalType", principalType);
    if (description != null) p.put("description", description);
    return body;
  }

  @Nested
  class RoleDefinitions {
    @Test
    void builtInRolesKeepTheirRealIdsAndPermissions() {
      var reply = arm.get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + CONTRIBUTOR + "?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.prop("roleName")).isEqualTo("Contributor");
      assertThat(reply.prop("type")).isEqualTo("BuiltInRole");
      assertThat(reply.json().path("id").asText()).isEqualTo(SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + CONTRIBUTOR);
      assertThat(reply.json().path("properties").path("permissions").get(0).path("notActions").toString())
          .contains("Microsoft.Authorization/*/Write");
    }

    @Test
    void listingByRoleNameFindsTheRole() {
      var reply = arm.get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions?api-version=" + RBAC
          + "&$filter=roleName%20eq%20'Key%20Vault%20Secrets%20User'");
      assertThat(reply.json().path("value")).hasSize(1);
      assertThat(reply.json().path("value").get(0).path("name").asText()).isEqualTo(KV_SECRETS_USER);
    }

    @Test
    void scenarioRolesAreCustomRoles() {
      var reply = arm.get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions?api-version=" + RBAC
          + "&$filter=type%20eq%20'CustomRole'");
      assertThat(reply.json().path("value").get(0).path("properties").path("roleName").asText()).isEqualTo("Custom Vault Peeker");
    }

    @Test
    void anUnknownRoleDefinitionIsNotFound() {
      var reply = arm.get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + newName() + "?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.code()).isEqualTo("RoleDefinitionDoesNotExist");
    }
  }

  @Nested
  class Create {
    @Test
    void aBrokerWithUserAccessAdministratorCreatesAnAssignmentKeepingItsDescription() {
      String name = newName();
      var reply = arm.put("broker", assignment(RG_APP, name), body(KV_SECRETS_USER, CI, "ServicePrincipal", "jit-elevate run 42"));
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.prop("description")).isEqualTo("jit-elevate run 42");
      assertThat(reply.prop("scope")).isEqualTo(RG_APP);
      assertThat(reply.json().path("type").asText()).isEqualTo("Microsoft.Authorization/roleAssignments");
      assertThat(arm.get("broker", assignment(RG_APP, name)).prop("principalId")).isEqualTo(CI);
    }

    @Test
    void puttingTheSameAssignmentAgainAnswers200() {
      String name = newName();
      arm.put("broker", assignment(RG_APP, name), body(KV_SECRETS_USER, CI, null, null));
      var again = arm.put("broker", assignment(RG_APP, name), body(KV_SECRETS_USER, CI, null, "now described"));
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.prop("description")).isEqualTo("now described");
    }

    @Test
    void aDuplicateUnderAnotherNameConflicts() {
      arm.put("broker", assignment(RG_APP, newName()), body(KV_SECRETS_USER, CI, null, null));
      var reply = arm.put("broker", assignment(RG_APP, newName()), body(KV_SECRETS_USER, CI, null, null));
      assertThat(reply.status()).isEqualTo(409);
      assertThat(reply.code()).isEqualTo("RoleAssignmentExists");
      assertThat(reply.message()).isEqualTo("The role assignment already exists.");
    }

    @Test
    void aCallerWithoutRoleAssignmentsWriteIsRefusedWithTheRealMessage() {
      var reply = arm.put("ci", assignment(SUB_SCOPE, newName()), body(OWNER, CI, null, null));
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("AuthorizationFailed");
      assertThat(reply.message()).isEqualTo("The client 'c1c1c1c1-0000-4000-8000-0000000000a1' with object id '" + CI
          + "' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '"
          + SUB_SCOPE + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }

    @Test
    void aNonGuidNameIsAnInvalidRoleAssignmentId() {
      var reply = arm.put("broker", assignment(SUB_SCOPE, "my-assignment"), body(READER, CI, null, null));
      assertThat(reply.code()).isEqualTo("InvalidRoleAssignmentId");
    }

    @Test
    void anUnknownPrincipalIsPrincipalNotFound() {
      var reply = arm.put("broker", assignment(SUB_SCOPE, newName()), body(READER, "00000000-0000-4000-8000-00000000dead", null, null));
      assertThat(reply.code()).isEqualTo("PrincipalNotFound");
      assertThat(reply.message()).contains(TENANT);
    }

    @Test
    void aWrongPrincipalTypeIsRefused() {
      var reply = arm.put("broker", assignment(SUB_SCOPE, newName()), body(READER, CI, "User", null));
      assertThat(reply.code()).isEqualTo("UnmatchedPrincipalType");
    }

    @Test
    void anUnknownRoleIsRefused() {
      var reply = arm.put("broker", assignment(SUB_SCOPE, newName()), body(newName(), CI, null, null));
      assertThat(reply.code()).isEqualTo("RoleDefinitionDoesNotExist");
    }
  }

  @Nested
  class DeleteAndList {
    @Test
    void deletingAnswersTheDeletedAssignmentThen204() {
      String name = newName();
      arm.put("broker", assignment(RG_APP, name), body(KV_SECRETS_USER, CI, null, null));
      var deleted = arm.send("DELETE", "broker", assignment(RG_APP, name), null);
      assertThat(deleted.status()).isEqualTo(200);
      assertThat(deleted.json().path("name").asText()).isEqualTo(name);
      assertThat(arm.send("DELETE", "broker", assignment(RG_APP, name), null).status()).isEqualTo(204);
      assertThat(arm.get("broker", assignment(RG_APP, name)).code()).isEqualTo("RoleAssignmentNotFound");
    }

    @Test
    void deletingNeedsRoleAssignmentsDelete() {
      var reply = arm.send("DELETE", "ci", assignment(SUB_SCOPE, newName()), null);
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.message()).contains("Microsoft.Authorization/roleAssignments/delete");
    }

    @Test
    void atScopeListsAssignmentsAtOrAboveTheScopeOnly() {
      arm.put("broker", assignment(RG_DATA, newName()), body(READER, ALICE, null, null));
      var atApp = arm.get("ci", RG_APP + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC + "&$filter=atScope()");
      assertThat(scopes(atApp.json())).contains(SUB_SCOPE, "/providers/Microsoft.Management/managementGroups/mg-contoso")
          .doesNotContain(RG_DATA);
      var all = arm.get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC);
      assertThat(scopes(all.json())).contains(SUB_SCOPE, RG_DATA);
    }

    @Test
    void principalFilterListsOnlyThatPrincipal() {
      var reply = arm.get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC
          + "&$filter=principalId%20eq%20'" + CI + "'");
      assertThat(reply.json().path("value")).hasSize(1);
      assertThat(reply.json().path("value").get(0).path("properties").path("principalId").asText()).isEqualTo(CI);
    }

    @Test
    void aCallerWithoutRoleAssignmentsReadCannotListOrReadAssignmentsNotEvenItsOwn() {
      var list = arm.get("alice", RG_APP + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC
          + "&$filter=assignedTo('" + ALICE + "')");
      assertThat(list.status()).isEqualTo(403);
      assertThat(list.code()).isEqualTo("AuthorizationFailed");
      assertThat(list.message()).contains("Microsoft.Authorization/roleAssignments/read", RG_APP);
      var one = arm.get("alice", assignment(RG_DATA, newName()));
      assertThat(one.code()).isEqualTo("AuthorizationFailed");
    }

    @Test
    void anUnsupportedFilterIsRefused() {
      var reply = arm.get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC + "&$filter=foo%20gt%201");
      assertThat(reply.code()).isEqualTo("InvalidFilter");
    }

    private List<String> scopes(JsonNode list) {
      List<String> out = new ArrayList<>();
      list.path("value").forEach(v -> out.add(v.path("properties").path("scope").asText()));
      return out;
    }
  }

  @Nested
  class Permissions {
    @Test
    void permissionsListTheCallersOwnEffectiveActions() {
      var reply = arm.get("ci", RG_APP + "/providers/Microsoft.Authorization/permissions?api-version=" + RBAC);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().path("value")).hasSize(1);
      assertThat(reply.json().path("value").get(0).path("actions").get(0).asText()).isEqualTo("*/read");
      assertThat(arm.get("alice", RG_APP + "/providers/microsoft.authorization/permissions?api-version=2015-07-01").json().path("value")).isEmpty();
    }

    @Test
    void permissionsWorkForSubscriptionsAndResources() {
      assertThat(arm.get("broker", SUB_SCOPE + "/providers/Microsoft.Authorization/permissions?api-version=" + RBAC).json().path("value")).hasSize(1);
      assertThat(arm.get("ci", VAULT + "/providers/Microsoft.Authorization/permissions?api-version=" + RBAC).json().path("value")).hasSize(1);
    }

    @Test
    void aNewAssignmentStaysInvisibleUntilThePropagationDelayHasPassed() {
      arm.hazards(h -> h.withPropagationDelay(Duration.ofSeconds(30)));
      arm.put("broker", assignment(RG_APP, newName()), body(KV_SECRETS_USER, ALICE, null, null));
      String permissions = RG_APP + "/providers/Microsoft.Authorization/permissions?api-version=" + RBAC;
      assertThat(arm.get("alice", permissions).json().path("value")).isEmpty();
      arm.advance(Duration.ofSeconds(31));
      assertThat(arm.get("alice", permissions).json().path("value").get(0).path("dataActions").toString()).contains("getSecret");
    }
  }

  @Nested
  class AccessDecisions {
    private AccessEvaluator evaluator() {
      return arm.context.require(AccessEvaluator.class);
    }

    @Test
    void theSurfaceRegistersTheKernelAccessEvaluator() {
      assertThat(evaluator()).isInstanceOf(RbacEvaluator.class);
    }

    @Test
    void wildcardsAndNotActionsDecideControlPlaneActions() {
      assertThat(evaluator().allowsAction(BROKER, VAULT, "Microsoft.Authorization/roleAssignments/write")).isTrue();
      assertThat(evaluator().allowsAction(CI, VAULT, "Microsoft.KeyVault/vaults/read")).isTrue();
      assertThat(evaluator().allowsAction(CI, VAULT, "Microsoft.KeyVault/vaults/write")).isFalse();
      arm.put("broker", assignment(RG_APP, newName()), body(CONTRIBUTOR, CI, null, null));
      assertThat(evaluator().allowsAction(CI, VAULT, "Microsoft.KeyVault/vaults/write")).isTrue();
      assertThat(evaluator().allowsAction(CI, VAULT, "Microsoft.Authorization/roleAssignments/write")).isFalse();
    }

    @Test
    void dataActionsComeOnlyFromDataActionRoles() {
      assertThat(evaluator().allowsDataAction(BROKER, VAULT, "Microsoft.KeyVault/vaults/secrets/getSecret/action")).isFalse();
      arm.put("broker", assignment(VAULT.replace("?", ""), newName()), body(KV_SECRETS_USER, CI, null, null));
      assertThat(evaluator().allowsDataAction(CI, VAULT, "Microsoft.KeyVault/vaults/secrets/getSecret/action")).isTrue();
      assertThat(evaluator().allowsDataAction(CI, VAULT, "Microsoft.KeyVault/vaults/secrets/setSecret/action")).isFalse();
    }

    @Test
    void decisionsHonourThePropagationDelay() {
      arm.hazards(h -> h.withPropagationDelay(Duration.ofSeconds(2)));
      arm.put("broker", assignment(RG_APP, newName()), body(KV_SECRETS_USER, CI, null, null));
      assertThat(evaluator().allowsDataAction(CI, VAULT, "Microsoft.KeyVault/vaults/secrets/getSecret/action")).isFalse();
      arm.advance(Duration.ofSeconds(2));
      assertThat(evaluator().allowsDataAction(CI, VAULT, "Microsoft.KeyVault/vaults/secrets/getSecret/action")).isTrue();
    }

    @Test
    void managementGroupAssignmentsApplyToTheirSubscriptions() {
      assertThat(evaluator().allowsAction(DAVE, VAULT, "Microsoft.KeyVault/vaults/read")).isTrue();
      assertThat(evaluator().allowsAction(ALICE, VAULT, "Microsoft.KeyVault/vaults/read")).isFalse();
    }

    @Test
    void aSubscriptionAssignmentDoesNotReachUpToItsManagementGroup() {
      var reply = arm.put("broker", assignment("/providers/Microsoft.Management/managementGroups/mg-contoso", newName()),
          body(READER, ALICE, null, null));
      assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void aMalformedScopeIsSimplyNotAllowed() {
      assertThat(evaluator().allowsAction(BROKER, "not a scope", "*/read")).isFalse();
    }
  }
}
