package dev.jitelevate.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleRequest;
import com.microsoft.graph.models.PrivilegedAccessGroupRelationships;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.ScheduleRequestActions;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.PeriodAndDuration;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Delegated scopes come from the scenario's consents, per client application, intersected with the scopes the
 * token request asks for; Graph refuses what the token's {@code scp} does not cover, through the unmodified SDKs.
 * Here the Azure CLI client is admin-consented for reads only, and Alice alone has also consented to activate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelegatedConsentIT {
  private static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  private static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  private static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  private static final String GROUP = "9a9a9a9a-0000-4000-8000-000000000001";
  private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  private static final String READS = "User.Read RoleEligibilitySchedule.Read.Directory";

  private PimEmulator emulator;
  private HttpClient identityHttp;

  @BeforeAll
  void start() {
    ObjectNode root = Scenario.demo().root().deepCopy();
    ArrayNode consents = root.putArray("consents");
    consents.addObject().put("clientId", AZURE_CLI).put("consentType", "AllPrincipals")
        .put("resource", "https://graph.microsoft.com").put("scope", READS);
    consents.addObject().put("clientId", AZURE_CLI).put("consentType", "AllPrincipals")
        .put("resource", "https://management.azure.com").put("scope", "user_impersonation");
    consents.addObject().put("clientId", AZURE_CLI).put("consentType", "Principal")
        .put("principalId", "alice@contoso-emu.onmicrosoft.com").put("resource", "https://graph.microsoft.com")
        .put("scope", "RoleAssignmentSchedule.ReadWrite.Directory");
    emulator = PimEmulator.builder().scenario(new Scenario(root)).start();
    OkHttpClient okHttp = new OkHttpClient.Builder()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build();
    identityHttp = new OkHttpAsyncHttpClientBuilder(okHttp).build();
  }

  @AfterAll
  void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  @SuppressWarnings("deprecation")
  private TokenCredential user(String upn, String password) {
    return new UsernamePasswordCredentialBuilder().tenantId(TENANT).clientId(AZURE_CLI)
        .username(upn).password(password).authorityHost(emulator.baseUrl()).disableInstanceDiscovery()
        .httpClient(identityHttp).build();
  }

  private TokenCredential alice() {
    return user("alice@contoso-emu.onmicrosoft.com", "demo-alice-pw-4d2a");
  }

  private TokenCredential bob() {
    return user("bob@contoso-emu.onmicrosoft.com", "demo-bob-pw-8c1f");
  }

  private GraphServiceClient graph(TokenCredential credential) {
    var auth = new AzureIdentityAuthenticationProvider(credential, new String[] {"127.0.0.1"}, GRAPH_SCOPE);
    OkHttpClient okHttp = GraphClientFactory.create()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build();
    var adapter = new BaseGraphRequestAdapter(auth, null, null, okHttp, null, null);
    adapter.setBaseUrl(emulator.baseUrl() + "v1.0");
    return new GraphServiceClient(adapter);
  }

  private static JsonNode claims(TokenCredential credential, String... scopes) {
    String jwt = credential.getTokenSync(new TokenRequestContext().addScopes(scopes)).getToken();
    return Json.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
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
    assertThat(Arrays.asList(claims(bob(), GRAPH_SCOPE).path("scp").asText().split(" ")))
        .containsExactlyInAnyOrder("User.Read", "RoleEligibilitySchedule.Read.Directory");
    assertThat(Arrays.asList(claims(alice(), GRAPH_SCOPE).path("scp").asText().split(" ")))
        .containsExactlyInAnyOrder("User.Read", "RoleEligibilitySchedule.Read.Directory",
            "RoleAssignmentSchedule.ReadWrite.Directory");
    assertThat(claims(alice(), "https://management.azure.com/.default").path("scp").asText())
        .isEqualTo("user_impersonation");
  }

  @Test
  void aTokenAskingForNamedScopesCarriesOnlyThose() {
    assertThat(claims(alice(), "https://graph.microsoft.com/User.Read").path("scp").asText()).isEqualTo("User.Read");
  }

  @Test
  void aUserWhoseAppLacksTheActivationScopeGetsGraphs403ThroughTheSdk() {
    assertThatThrownBy(() -> graph(bob()).roleManagement().directory().roleAssignmentScheduleRequests()
        .post(selfActivate(BOB))).isInstanceOfSatisfying(ODataError.class, e -> {
          assertThat(e.getResponseStatusCode()).isEqualTo(403);
          assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied");
          assertThat(e.getError().getMessage()).isEqualTo("Insufficient privileges to complete the operation.");
        });
  }

  @Test
  void theSameCallWorksForTheUserWhoConsentedToTheScope() {
    var created = graph(alice()).roleManagement().directory().roleAssignmentScheduleRequests().post(selfActivate(ALICE));
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
    assertThatThrownBy(() -> graph(alice()).identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
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
    assertThatThrownBy(() -> claims(bob(), "https://graph.microsoft.com/RoleManagement.ReadWrite.Directory"))
        .isInstanceOf(ClientAuthenticationException.class)
        .rootCause().isInstanceOfSatisfying(MsalInteractionRequiredException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("invalid_grant");
          assertThat(e.getMessage()).startsWith("AADSTS65001: The user or administrator has not consented to use the "
              + "application with ID '" + AZURE_CLI + "'");
        });
  }

  @Test
  void theTokenEndpointAnswersInvalidGrantWithSuberrorConsentRequired() throws Exception {
    String form = "grant_type=password&client_id=" + AZURE_CLI + "&username=bob%40contoso-emu.onmicrosoft.com"
        + "&password=demo-bob-pw-8c1f&scope=" + URLEncoder.encode(
            "https://graph.microsoft.com/User.Read https://graph.microsoft.com/RoleManagement.ReadWrite.Directory",
            StandardCharsets.UTF_8);
    EmulatorHttp.Response response = new EmulatorHttp(emulator).postForm(TENANT + "/oauth2/v2.0/token", form);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").asText()).isEqualTo("invalid_grant");
    assertThat(response.json().path("suberror").asText()).isEqualTo("consent_required");
    assertThat(response.json().path("error_codes").get(0).asInt()).isEqualTo(65001);
    assertThat(response.json().path("error_description").asText()).startsWith("AADSTS65001: The user or administrator "
        + "has not consented to use the application with ID '" + AZURE_CLI + "' named 'Microsoft Azure CLI'.");
  }

  @Test
  void aResourceTheClientHasNoConsentForAtAllIsAadsts65001EvenForDefault() {
    assertThatThrownBy(() -> claims(bob(), "https://vault.azure.net/.default"))
        .isInstanceOf(ClientAuthenticationException.class).rootCause().hasMessageStartingWith("AADSTS65001:");
  }
}
