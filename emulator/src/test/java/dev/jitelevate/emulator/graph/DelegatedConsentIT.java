package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.testing.DemoTenant.ALICE;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.ARM_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.AZURE_CLI;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_PASSWORD;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.GRAPH_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.GROUP;
import static dev.jitelevate.emulator.testing.DemoTenant.TENANT;
import static dev.jitelevate.emulator.testing.DemoTenant.USER_ADMIN;
import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleRequest;
import com.microsoft.graph.models.PrivilegedAccessGroupRelationships;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.ScheduleRequestActions;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.PeriodAndDuration;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.testing.DemoTenant;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delegated scopes come from the scenario's consents, per client application, intersected with the scopes the
 * token request asks for; Graph refuses what the token's {@code scp} does not cover, through the unmodified SDKs.
 * Here the Azure CLI client is admin-consented for reads only, and Alice alone has also consented to activate.
 */
class DelegatedConsentIT extends PerClassEmulator {
  private static final String READS = "User.Read RoleEligibilitySchedule.Read.Directory";

  private DemoTenant tenant;

  /** The demo, with the Azure CLI admin-consented for reads only and Alice alone also consenting to activate. */
  @Override
  protected PimEmulator.Builder emulatorBuilder() {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ArrayNode consents = root.putArray("consents");
    consents.addObject().put("clientId", AZURE_CLI).put("consentType", "AllPrincipals")
        .put("resource", "https://graph.microsoft.com").put("scope", READS);
    consents.addObject().put("clientId", AZURE_CLI).put("consentType", "AllPrincipals")
        .put("resource", "https://management.azure.com").put("scope", "user_impersonation");
    consents.addObject().put("clientId", AZURE_CLI).put("consentType", "Principal")
        .put("principalId", ALICE_UPN).put("resource", "https://graph.microsoft.com")
        .put("scope", "RoleAssignmentSchedule.ReadWrite.Directory");
    return PimEmulator.builder().scenario(new Scenario(root));
  }

  @BeforeAll
  void start() {
    tenant = new DemoTenant(emulator);
  }

  private static RequestSchedule oneHour() {
    RequestSchedule schedule = new RequestSchedule();
    schedule.setStartDateTime(OffsetDateTime.now());
    ExpirationPattern expiration = new ExpirationPattern();
    expiration.setType(ExpirationPatternType.AfterDuration);
    expiration.setDuration(PeriodAndDuration.ofDuration(Duration.ofHours(1)));
    schedule.setExpiration(expiration);
    return schedule;
  }

  private static UnifiedRoleAssignmentScheduleRequest selfActivate(String principalId) {
    UnifiedRoleAssignmentScheduleRequest request = new UnifiedRoleAssignmentScheduleRequest();
    request.setAction(UnifiedRoleScheduleRequestActions.SelfActivate);
    request.setPrincipalId(principalId);
    request.setRoleDefinitionId(USER_ADMIN);
    request.setDirectoryScopeId("/");
    request.setJustification("release 42");
    request.setScheduleInfo(oneHour());
    return request;
  }

  @Test
  void aDefaultTokenCarriesExactlyWhatWasConsentedForTheClientAndTheUser() {
    assertThat(Arrays.asList(claims(tenant.bob(), GRAPH_SCOPE).path("scp").asText().split(" ")))
        .containsExactlyInAnyOrder("User.Read", "RoleEligibilitySchedule.Read.Directory");
    assertThat(Arrays.asList(claims(tenant.alice(), GRAPH_SCOPE).path("scp").asText().split(" ")))
        .containsExactlyInAnyOrder("User.Read", "RoleEligibilitySchedule.Read.Directory",
            "RoleAssignmentSchedule.ReadWrite.Directory");
    assertThat(claims(tenant.alice(), ARM_SCOPE).path("scp").asText())
        .isEqualTo("user_impersonation");
  }

  @Test
  void aTokenAskingForNamedScopesCarriesOnlyThose() {
    assertThat(claims(tenant.alice(), "https://graph.microsoft.com/User.Read").path("scp").asText()).isEqualTo("User.Read");
  }

  @Test
  void aUserWhoseAppLacksTheActivationScopeGetsGraphs403ThroughTheSdk() {
    assertThatThrownBy(() -> tenant.graph(tenant.bob()).roleManagement().directory().roleAssignmentScheduleRequests()
        .post(selfActivate(BOB))).isInstanceOfSatisfying(ODataError.class, e -> {
          assertThat(e.getResponseStatusCode()).isEqualTo(403);
          assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied");
          assertThat(e.getError().getMessage()).isEqualTo("Insufficient privileges to complete the operation.");
        });
  }

  @Test
  void theSameCallWorksForTheUserWhoConsentedToTheScope() {
    var created = tenant.graph(tenant.alice()).roleManagement().directory().roleAssignmentScheduleRequests().post(selfActivate(ALICE));
    assertThat(created.getStatus()).isEqualTo("Provisioned");
  }

  @Test
  void pimForGroupsRefusesAMissingScopeWithPermissionScopeNotGrantedInsideAnUnknownError() {
    PrivilegedAccessGroupAssignmentScheduleRequest request = new PrivilegedAccessGroupAssignmentScheduleRequest();
    request.setAction(ScheduleRequestActions.SelfActivate);
    request.setPrincipalId(ALICE);
    request.setGroupId(GROUP);
    request.setAccessId(PrivilegedAccessGroupRelationships.Member);
    request.setJustification("deploy");
    request.setScheduleInfo(oneHour());
    assertThatThrownBy(() -> tenant.graph(tenant.alice()).identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
        .post(request)).isInstanceOfSatisfying(ODataError.class, e -> {
          assertThat(e.getResponseStatusCode()).isEqualTo(403);
          assertThat(e.getError().getCode()).isEqualTo("UnknownError");
          JsonNode inner = Json.parse(e.getError().getMessage().getBytes(StandardCharsets.UTF_8));
          assertThat(inner.path("errorCode").asText()).isEqualTo("PermissionScopeNotGranted");
          assertThat(inner.path("message").asText()).isEqualTo("Authorization failed due to missing permission scope "
              + "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup,PrivilegedAccess.ReadWrite.AzureADGroup.");
        });
  }

  @Test
  void askingForAScopeNeverConsentedIsAadsts65001WhichMsalReportsAsInteractionRequired() {
    assertThatThrownBy(() -> claims(tenant.bob(), "https://graph.microsoft.com/RoleManagement.ReadWrite.Directory"))
        .isInstanceOf(ClientAuthenticationException.class)
        .rootCause().isInstanceOfSatisfying(MsalInteractionRequiredException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("invalid_grant");
          assertThat(e.getMessage()).startsWith("AADSTS65001: The user or administrator has not consented to use the "
              + "application with ID '" + AZURE_CLI + "'");
        });
  }

  @Test
  void theTokenEndpointAnswersInvalidGrantWithSuberrorConsentRequired() throws Exception {
    String form = "grant_type=password&client_id=" + AZURE_CLI + "&username=" + URLEncoder.encode(BOB_UPN, StandardCharsets.UTF_8)
        + "&password=" + BOB_PASSWORD + "&scope=" + URLEncoder.encode(
            "https://graph.microsoft.com/User.Read https://graph.microsoft.com/RoleManagement.ReadWrite.Directory",
            StandardCharsets.UTF_8);
    EmulatorHttp.Response response = http.postForm(TENANT + "/oauth2/v2.0/token", form);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").asText()).isEqualTo("invalid_grant");
    assertThat(response.json().path("suberror").asText()).isEqualTo("consent_required");
    assertThat(response.json().path("error_codes").get(0).asInt()).isEqualTo(65001);
    assertThat(response.json().path("error_description").asText()).startsWith("AADSTS65001: The user or administrator "
        + "has not consented to use the application with ID '" + AZURE_CLI + "' named 'Microsoft Azure CLI'.");
  }

  @Test
  void aResourceTheClientHasNoConsentForAtAllIsAadsts65001EvenForDefault() {
    assertThatThrownBy(() -> claims(tenant.bob(), "https://vault.azure.net/.default"))
        .isInstanceOf(ClientAuthenticationException.class).rootCause().hasMessageStartingWith("AADSTS65001:");
  }
}
