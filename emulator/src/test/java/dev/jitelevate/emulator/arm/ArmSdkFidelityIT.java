package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.testing.DemoTenant.ALICE;
import static dev.jitelevate.emulator.testing.DemoTenant.CI;
import static dev.jitelevate.emulator.testing.DemoTenant.CONTRIBUTOR;
import static dev.jitelevate.emulator.testing.DemoTenant.KV_SECRETS_OFFICER;
import static dev.jitelevate.emulator.testing.DemoTenant.KV_SECRETS_USER;
import static dev.jitelevate.emulator.testing.DemoTenant.RG_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.SUBSCRIPTION;
import static dev.jitelevate.emulator.testing.DemoTenant.SUBSCRIPTION_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.AuthorizationManagementClient;
import com.azure.resourcemanager.authorization.fluent.models.PermissionInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleInstanceInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleRequestInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleEligibilityScheduleInstanceInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleManagementPolicyInner;
import com.azure.resourcemanager.authorization.models.AssignmentType;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RequestType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfo;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesTicketInfo;
import com.azure.resourcemanager.authorization.models.RoleManagementPolicyExpirationRule;
import com.azure.resourcemanager.authorization.models.Status;
import com.azure.resourcemanager.authorization.models.Type;
import dev.jitelevate.emulator.testing.DemoTenant;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The unmodified {@code azure-resourcemanager-authorization} SDK against the emulator over HTTPS, with only
 * the endpoints and TLS trust changed. The SDK sends scopes with a leading slash ({@code //subscriptions}).
 */
class ArmSdkFidelityIT extends PerClassEmulator {
  private HttpClient sdkHttp;
  private AuthorizationManagementClient broker;
  private AuthorizationManagementClient alice;

  @BeforeAll
  void start() {
    DemoTenant tenant = new DemoTenant(emulator);
    sdkHttp = tenant.http();
    broker = client(tenant.broker());
    alice = client(tenant.alice());
  }

  private AuthorizationManagementClient client(TokenCredential credential) {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", emulator.baseUrl());
    endpoints.put("activeDirectoryEndpointUrl", emulator.baseUrl());
    AzureProfile profile = new AzureProfile(emulator.tenantId(), SUBSCRIPTION, new AzureEnvironment(endpoints));
    return AuthorizationManager.configure().withHttpClient(sdkHttp).authenticate(credential, profile).roleServiceClient();
  }

  private static String roleId(String guid) {
    return SUBSCRIPTION_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions/" + guid;
  }

  private static RoleAssignmentScheduleRequestInner activation(String role, String duration, String justification) {
    return new RoleAssignmentScheduleRequestInner().withPrincipalId(ALICE).withRoleDefinitionId(roleId(role))
        .withRequestType(RequestType.SELF_ACTIVATE).withJustification(justification)
        .withScheduleInfo(new RoleAssignmentScheduleRequestPropertiesScheduleInfo().withStartDateTime(OffsetDateTime.now())
            .withExpiration(new RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration()
                .withType(Type.AFTER_DURATION).withDuration(duration)));
  }

  @Nested
  class ScheduleRequests {
    @Test
    void aUserActivatesGetsAndListsTheRequestAndItsInstance() {
      String name = UUID.randomUUID().toString();
      RoleAssignmentScheduleRequestInner created = alice.getRoleAssignmentScheduleRequests()
          .create(RG_APP, name, activation(KV_SECRETS_OFFICER, "PT1H", "rotate the db password"));
      assertThat(created.status()).isEqualTo(Status.PROVISIONED);
      assertThat(created.name()).isEqualTo(name);
      assertThat(alice.getRoleAssignmentScheduleRequests().get(RG_APP, name).justification()).isEqualTo("rotate the db password");
      assertThat(alice.getRoleAssignmentScheduleRequests().listForScope(RG_APP, "asTarget()", Context.NONE).stream())
          .extracting(RoleAssignmentScheduleRequestInner::name).contains(name);
      List<RoleAssignmentScheduleInstanceInner> instances =
          alice.getRoleAssignmentScheduleInstances().listForScope(RG_APP, "asTarget()", Context.NONE).stream().toList();
      assertThat(instances).singleElement().satisfies(i -> {
        assertThat(i.assignmentType()).isEqualTo(AssignmentType.ACTIVATED);
        assertThat(i.principalId()).isEqualTo(ALICE);
      });
      assertThat(emulator.leaks()).anyMatch(a -> a.requestId().equals(name));
    }

    @Test
    void aPendingRequestIsCancelled() {
      String name = UUID.randomUUID().toString();
      RoleAssignmentScheduleRequestInner request = activation(CONTRIBUTOR, "PT2H", "hotfix")
          .withTicketInfo(new RoleAssignmentScheduleRequestPropertiesTicketInfo().withTicketNumber("CHG-7").withTicketSystem("SNOW"));
      RoleAssignmentScheduleRequestInner created = alice.getRoleAssignmentScheduleRequests().create(SUBSCRIPTION_SCOPE, name, request);
      assertThat(created.status()).isEqualTo(Status.PENDING_APPROVAL);
      assertThat(created.approvalId()).isNotBlank();
      alice.getRoleAssignmentScheduleRequests().cancel(SUBSCRIPTION_SCOPE, name);
      assertThat(alice.getRoleAssignmentScheduleRequests().get(SUBSCRIPTION_SCOPE, name).status()).isEqualTo(Status.CANCELED);
    }

    @Test
    void validatePersistsNothing() {
      String name = UUID.randomUUID().toString();
      RoleAssignmentScheduleRequestInner echoed = alice.getRoleAssignmentScheduleRequests()
          .validate(RG_APP, name, activation(KV_SECRETS_OFFICER, "PT1H", "dry run"));
      assertThat(echoed.justification()).isEqualTo("dry run");
      assertThatThrownBy(() -> alice.getRoleAssignmentScheduleRequests().get(RG_APP, name))
          .isInstanceOf(ManagementException.class);
    }

    @Test
    void aPolicyViolationSurfacesAsAManagementExceptionWithTheRealCode() {
      assertThatThrownBy(() -> alice.getRoleAssignmentScheduleRequests()
          .create(RG_APP, UUID.randomUUID().toString(), activation(KV_SECRETS_OFFICER, "PT9H", "too long")))
          .isInstanceOfSatisfying(ManagementException.class, e -> {
            assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
            assertThat(e.getValue().getCode()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
            assertThat(e.getValue().getMessage()).isEqualTo("The following policy rules failed: [\"ExpirationRule\"]");
          });
    }

    @Test
    void eligibilitiesAreListedFromTheTenantRoot() {
      List<RoleEligibilityScheduleInstanceInner> mine =
          alice.getRoleEligibilityScheduleInstances().listForScope("/", "asTarget()", Context.NONE).stream().toList();
      assertThat(mine).hasSize(2).allMatch(e -> e.principalId().equals(ALICE));
    }
  }

  @Nested
  class Policies {
    @Test
    void policiesDeserialiseWithTheirPolymorphicRules() {
      List<RoleManagementPolicyInner> policies = broker.getRoleManagementPolicies().listForScope(RG_APP).stream().toList();
      RoleManagementPolicyInner officer = policies.stream()
          .filter(p -> p.effectiveRules().stream().anyMatch(r -> r instanceof RoleManagementPolicyExpirationRule))
          .filter(p -> broker.getRoleManagementPolicyAssignments().listForScope(RG_APP).stream()
              .anyMatch(a -> a.policyId().equals(p.id()) && a.roleDefinitionId().endsWith(KV_SECRETS_OFFICER)))
          .findFirst().orElseThrow();
      RoleManagementPolicyExpirationRule max = officer.rules().stream()
          .filter(r -> r.id().equals("Expiration_EndUser_Assignment")).map(RoleManagementPolicyExpirationRule.class::cast)
          .findFirst().orElseThrow();
      assertThat(max.maximumDuration()).isEqualTo("PT4H");
      assertThat(broker.getRoleManagementPolicies().get(RG_APP, officer.name()).id()).isEqualTo(officer.id());
    }
  }

  @Nested
  class RoleAssignmentsAndPermissions {
    @Test
    void theBrokerCreatesGetsListsAndDeletesAnAssignment() {
      String name = UUID.randomUUID().toString();
      RoleAssignmentInner created = broker.getRoleAssignments().create(RG_APP, name, new RoleAssignmentCreateParameters()
          .withRoleDefinitionId(roleId(KV_SECRETS_USER)).withPrincipalId(CI).withPrincipalType(PrincipalType.SERVICE_PRINCIPAL)
          .withDescription("jit-elevate run 1"));
      assertThat(created.description()).isEqualTo("jit-elevate run 1");
      assertThat(broker.getRoleAssignments().get(RG_APP, name).principalId()).isEqualTo(CI);
      assertThat(broker.getRoleAssignments().listForScope(RG_APP, "principalId eq '" + CI + "'", null, null, Context.NONE).stream())
          .extracting(RoleAssignmentInner::name).contains(name);
      assertThat(broker.getRoleAssignments().delete(RG_APP, name).name()).isEqualTo(name);
    }

    @Test
    void aCallerWithoutWritePermissionGetsAuthorizationFailed() {
      AuthorizationManagementClient unprivileged = alice;
      assertThatThrownBy(() -> unprivileged.getRoleAssignments().create(RG_APP, UUID.randomUUID().toString(),
          new RoleAssignmentCreateParameters().withRoleDefinitionId(roleId(KV_SECRETS_USER)).withPrincipalId(ALICE)))
          .isInstanceOfSatisfying(ManagementException.class, e -> {
            assertThat(e.getResponse().getStatusCode()).isEqualTo(403);
            assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed");
          });
    }

    @Test
    void permissionsReflectAnActivation() {
      assertThat(alice.getPermissions().listByResourceGroup("rg-app").stream().toList()).isEmpty();
      alice.getRoleAssignmentScheduleRequests().create(RG_APP, UUID.randomUUID().toString(),
          activation(KV_SECRETS_OFFICER, "PT1H", "rotate"));
      List<PermissionInner> permissions = alice.getPermissions().listByResourceGroup("rg-app").stream().toList();
      assertThat(permissions).singleElement().satisfies(p ->
          assertThat(p.dataActions()).containsExactly("Microsoft.KeyVault/vaults/secrets/*"));
    }
  }
}
