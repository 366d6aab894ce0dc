package dev.jitelevate.emulator.testing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Json;
import java.util.Base64;
import okhttp3.OkHttpClient;

/**
 * The demo scenario ({@code Scenario.demo()}) as the SDK ITs sign in to it: its tenant, apps, users, group and
 * role ids, and the official azure-identity credential builders for its broker, CI app and users against one
 * emulator, unmodified but for the authority host, instance discovery and TLS trust (only the emulator's CA).
 */
public final class DemoTenant {
  public static final String TENANT = "7a1c5f35-6f8a-4e4b-9d5e-5a0f2c6b1e01";
  public static final String SUBSCRIPTION = "3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12";
  public static final String SUBSCRIPTION_SCOPE = "/subscriptions/" + SUBSCRIPTION;
  public static final String RG_APP = SUBSCRIPTION_SCOPE + "/resourceGroups/rg-app";
  /** The broker app's client id, which signs in with {@link #BROKER_SECRET}. */
  public static final String BROKER_APP = "b0b0b0b0-0000-4000-8000-0000000000a1";
  public static final String BROKER_SECRET = "demo-broker-secret-7f3e9c21";
  /** The broker's service principal (object id). */
  public static final String BROKER = "b0b0b0b0-0000-4000-8000-000000000001";
  /** The CI app's client id, which signs in with a GitHub OIDC assertion. */
  public static final String CI_APP = "c1c1c1c1-0000-4000-8000-0000000000a1";
  /** The CI app's service principal (object id). */
  public static final String CI = "c1c1c1c1-0000-4000-8000-000000000001";
  /** The Azure CLI's public client id, through which the scenario's users sign in. */
  public static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  public static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  public static final String ALICE_UPN = "alice@contoso-emu.onmicrosoft.com";
  public static final String ALICE_PASSWORD = "demo-alice-pw-4d2a";
  public static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  public static final String BOB_UPN = "bob@contoso-emu.onmicrosoft.com";
  public static final String BOB_PASSWORD = "demo-bob-pw-8c1f";
  /** The PIM-enabled group grp-prod-admins. */
  public static final String GROUP = "9a9a9a9a-0000-4000-8000-000000000001";
  /** Directory role template: User Administrator. */
  public static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  /** Directory role template: Privileged Role Administrator. */
  public static final String PRIVILEGED_ROLE_ADMIN = "e8611ab8-c189-46e8-94e1-60213ab1f814";
  /** Azure role definition: Key Vault Secrets Officer. */
  public static final String KV_SECRETS_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
  /** Azure role definition: Key Vault Secrets User. */
  public static final String KV_SECRETS_USER = "4633458b-17de-408a-b874-0445c86d0e6e";
  /** Azure role definition: Contributor. */
  public static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
  public static final String ARM_SCOPE = "https://management.azure.com/.default";
  public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  private final PimEmulator emulator;
  private final OkHttpClient okHttp;
  private final HttpClient http;

  /** Credentials and HTTP clients for this emulator, trusting only its CA. */
  public DemoTenant(PimEmulator emulator) {
    this.emulator = emulator;
    this.okHttp = new OkHttpClient.Builder()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build();
    this.http = new OkHttpAsyncHttpClientBuilder(okHttp).build();
  }

  /** An OkHttp client trusting the emulator's CA (for SDKs that take one). */
  public OkHttpClient okHttp() {
    return okHttp;
  }

  /** An azure-core HTTP client trusting the emulator's CA. */
  public HttpClient http() {
    return http;
  }

  /** The broker app, signing in with its secret. */
  public TokenCredential broker() {
    return clientSecret(BROKER_APP, BROKER_SECRET).build();
  }

  /** A confidential client signing in with a secret. */
  public ClientSecretCredentialBuilder clientSecret(String clientId, String secret) {
    return onEmulator(new ClientSecretCredentialBuilder()).clientId(clientId).clientSecret(secret);
  }

  /** A client signing in with an assertion (the CI app with a GitHub OIDC token); add the assertion. */
  public ClientAssertionCredentialBuilder clientAssertion(String clientId) {
    return onEmulator(new ClientAssertionCredentialBuilder()).clientId(clientId);
  }

  /** Alice, signing in with her password through the Azure CLI's client. */
  public TokenCredential alice() {
    return user(ALICE_UPN, ALICE_PASSWORD).build();
  }

  /** Bob, signing in with his password through the Azure CLI's client. */
  public TokenCredential bob() {
    return user(BOB_UPN, BOB_PASSWORD).build();
  }

  /** A scenario user signing in with a password through the Azure CLI's client (ROPC, as the SDK still offers). */
  @SuppressWarnings("deprecation")
  public UsernamePasswordCredentialBuilder user(String upn, String password) {
    return onEmulator(new UsernamePasswordCredentialBuilder()).clientId(AZURE_CLI).username(upn).password(password);
  }

  /** A device-code sign-in through the Azure CLI's client; the emulator completes it as whom it is told. */
  public DeviceCodeCredentialBuilder deviceCode() {
    return onEmulator(new DeviceCodeCredentialBuilder()).clientId(AZURE_CLI);
  }

  /** The unmodified microsoft-graph v6 client signing in with the credential, its base URL the emulator's. */
  public GraphServiceClient graph(TokenCredential credential) {
    var auth = new AzureIdentityAuthenticationProvider(credential, new String[] {"127.0.0.1"}, GRAPH_SCOPE);
    OkHttpClient graphHttp = GraphClientFactory.create()
        .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager()).build();
    var adapter = new BaseGraphRequestAdapter(auth, null, null, graphHttp, null, null);
    adapter.setBaseUrl(emulator.baseUrl() + "v1.0");
    return new GraphServiceClient(adapter);
  }

  /** The claims of a token (a JWT) the emulator issued. */
  public static JsonNode claims(String jwt) {
    return Json.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  /** The claims of the token the credential gets for the scopes. */
  public static JsonNode claims(TokenCredential credential, String... scopes) {
    return claims(credential.getTokenSync(new TokenRequestContext().addScopes(scopes)).getToken());
  }

  private <T extends AadCredentialBuilderBase<T>> T onEmulator(T builder) {
    return builder.tenantId(emulator.tenantId()).authorityHost(emulator.baseUrl()).disableInstanceDiscovery()
        .httpClient(http);
  }
}
