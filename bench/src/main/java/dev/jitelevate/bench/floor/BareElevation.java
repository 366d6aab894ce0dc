package dev.jitelevate.bench.floor;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Context;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.authorization.fluent.AuthorizationManagementClient;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentScheduleRequestInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleDefinitionInner;
import com.azure.resourcemanager.authorization.implementation.AuthorizationManagementClientBuilder;
import com.azure.resourcemanager.authorization.models.RequestType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfo;
import com.azure.resourcemanager.authorization.models.RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration;
import com.azure.resourcemanager.authorization.models.Status;
import com.azure.resourcemanager.authorization.models.Type;
import dev.jitelevate.core.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import reactor.core.publisher.Mono;

/**
 * The smallest client a broker elevation can have on this project's stack: the same requests as the CLI's
 * {@code elevate --strategy broker -- true} (three sign-ins, the principal's Graph lookup, the role and its
 * policy, AdminAssign, the request's status, the schedules, the permissions until the role works, AdminRemove),
 * made one after another with azure-identity, azure-core on OkHttp and the ARM authorization SDK, each token
 * asked for once, and nothing of jit-elevate's but the {@link Sleeper} its polls wait with: no command line, no
 * lifecycle, no records, no error handling beyond azure-core's retry policy (which honours a 429's
 * {@code Retry-After}; ten tries instead of its default three, which a crowd of 20 at 20 requests per second
 * exhausts) and exiting non-zero. The bench runs it as the CLI runs (the launcher's JVM flags and a class-data
 * archive made on first use) to measure what the stack alone costs a process; it is not a tool for anyone to use.
 *
 * <p>Usage: {@code BareElevation AUTHORITY ARM GRAPH CA_PEM_FILE TENANT BROKER_APP SCOPE ROLE}, with the identity's
 * {@code AZURE_CLIENT_ID} and {@code AZURE_CLIENT_SECRET} (or {@code AZURE_FEDERATED_TOKEN_FILE}) and the broker's
 * {@code AZURE_BROKER_CLIENT_SECRET} in the environment.
 */
public final class BareElevation {
  private static final String PIM_API = "2020-10-01";
  private static final Pattern OID = Pattern.compile("\"oid\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  /** Far beyond the bench's P+Q and a throttled crowd's waits; only a broken run reaches it. */
  private static final Duration POLL_DEADLINE = Duration.ofMinutes(2);
  /** The polls' clock and waits: the project's sleeper, the one jit-elevate class this client uses. */
  private static final Clock CLOCK = Clock.systemUTC();
  private static final Sleeper SLEEPER = Sleeper.system();

  private BareElevation() {}

  public static void main(String[] args) {
    if (args.length != 8) {
      System.err.println("usage: BareElevation AUTHORITY ARM GRAPH CA_PEM_FILE TENANT BROKER_APP SCOPE ROLE");
      System.exit(2);
    }
    try {
      elevate(args);
    } catch (Exception e) {
      System.err.println("BareElevation failed: " + e);
      System.exit(1); // OkHttp's dispatcher would keep the process for a minute
    }
    System.exit(0);
  }

  private static void elevate(String[] args) throws Exception {
    String authority = args[0];
    String arm = args[1];
    String graph = args[2];
    String tenant = args[4];
    String scope = args[6];
    String roleName = args[7];
    HttpClient http = http(Files.readString(Path.of(args[3])));
    TokenCredential broker = credential(authority, tenant, args[5], System.getenv("AZURE_BROKER_CLIENT_SECRET"), http);
    TokenCredential identity = System.getenv("AZURE_FEDERATED_TOKEN_FILE") != null
        ? once(new ClientAssertionCredentialBuilder().authorityHost(authority).tenantId(tenant)
            .clientId(System.getenv("AZURE_CLIENT_ID")).httpClient(http).disableInstanceDiscovery()
            .clientAssertion(BareElevation::federatedToken).build())
        : credential(authority, tenant, System.getenv("AZURE_CLIENT_ID"), System.getenv("AZURE_CLIENT_SECRET"), http);
    String armScope = "https://management.azure.com/.default";
    HttpPipeline brokerArm = pipeline(http, broker, armScope);
    AuthorizationManagementClient sdk = new AuthorizationManagementClientBuilder().pipeline(brokerArm)
        .endpoint(arm).buildClient();

    // Who the identity is: its object id from its own token, its kind from Graph (as the broker).
    String identityToken = identity.getTokenSync(new TokenRequestContext().addScopes(armScope)).getToken();
    Matcher oid = OID.matcher(new String(Base64.getUrlDecoder().decode(identityToken.split("\\.")[1]),
        StandardCharsets.UTF_8));
    if (!oid.find()) {
      throw new IllegalStateException("no oid in the identity's token");
    }
    String principal = oid.group(1);
    get(pipeline(http, broker, "https://graph.microsoft.com/.default"),
        graph + "v1.0/directoryObjects/" + principal + "?$select=id,displayName");

    RoleDefinitionInner role = sdk.getRoleDefinitions().list(scope, "roleName eq '" + roleName + "'", Context.NONE)
        .stream().filter(d -> roleName.equalsIgnoreCase(d.roleName())).findFirst().orElseThrow();
    get(brokerArm, arm + scope.substring(1) + "/providers/Microsoft.Authorization/roleManagementPolicyAssignments"
        + "?api-version=" + PIM_API + "&$filter=" + encode("roleDefinitionId eq '" + role.id() + "'"));

    RoleAssignmentScheduleRequestInner assign = sdk.getRoleAssignmentScheduleRequests().create(scope,
        UUID.randomUUID().toString(), request(principal, role.id(), RequestType.ADMIN_ASSIGN));
    if (assign.status() != Status.PROVISIONED) {
      poll("the AdminAssign request to be Provisioned",
          () -> sdk.getRoleAssignmentScheduleRequests().get(scope, assign.name()).status() == Status.PROVISIONED);
    }
    String filter = "principalId eq '" + principal + "'";
    sdk.getRoleAssignmentScheduleInstances().listForScope(scope, filter, Context.NONE).stream().count();
    sdk.getRoleAssignmentSchedules().listForScope(scope, filter, Context.NONE).stream().count();
    String wanted = role.permissions().get(0).actions().get(0);
    // The permissions list as the identity, as a plain GET on a pipeline of its own (the SDK's method needs a
    // client bound to a subscription); the role is granted whole, so its first action's presence is the role at work.
    HttpPipeline identityArm = pipeline(http, identity, armScope);
    String permissions = arm + scope.substring(1) + "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01";
    BooleanSupplier works = () -> get(identityArm, permissions).contains("\"" + wanted + "\"");
    if (!works.getAsBoolean()) {
      poll("the role to work for the identity", works);
    }

    if (new ProcessBuilder("true").inheritIO().start().waitFor() != 0) {
      throw new IllegalStateException("the command failed");
    }
    sdk.getRoleAssignmentScheduleRequests().create(scope, UUID.randomUUID().toString(),
        request(principal, role.id(), RequestType.ADMIN_REMOVE));
    sdk.getRoleAssignmentScheduleInstances().listForScope(scope, filter, Context.NONE).stream().count();
  }

  /**
   * Waits a second and asks again until {@code done} says yes; fails once {@link #POLL_DEADLINE} has passed since
   * the call (the process then exits 1 instead of waiting for ever). The caller has asked once already.
   */
  private static void poll(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = CLOCK.instant().plus(POLL_DEADLINE);
    do {
      if (!CLOCK.instant().isBefore(deadline)) {
        throw new IllegalStateException("gave up after " + POLL_DEADLINE + " waiting for " + what);
      }
      SLEEPER.sleep(POLL_INTERVAL);
    } while (!done.getAsBoolean());
  }

  private static String federatedToken() {
    try {
      return Files.readString(Path.of(System.getenv("AZURE_FEDERATED_TOKEN_FILE"))).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RoleAssignmentScheduleRequestInner request(String principal, String roleId, RequestType type) {
    RoleAssignmentScheduleRequestInner request = new RoleAssignmentScheduleRequestInner().withPrincipalId(principal)
        .withRoleDefinitionId(roleId).withRequestType(type).withJustification("jit-elevate bench, bare client");
    if (type == RequestType.ADMIN_ASSIGN) {
      request.withScheduleInfo(new RoleAssignmentScheduleRequestPropertiesScheduleInfo()
          .withStartDateTime(OffsetDateTime.now())
          .withExpiration(new RoleAssignmentScheduleRequestPropertiesScheduleInfoExpiration()
              .withType(Type.AFTER_DURATION).withDuration("PT30M")));
    }
    return request;
  }

  private static String get(HttpPipeline pipeline, String url) {
    try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
      if (response.getStatusCode() / 100 != 2) {
        throw new IllegalStateException("GET " + url + ": " + response.getStatusCode());
      }
      return response.getBodyAsBinaryData().toString();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static HttpPipeline pipeline(HttpClient http, TokenCredential credential, String scope) {
    return new HttpPipelineBuilder().httpClient(http)
        .policies(new RetryPolicy(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(10))),
            new BearerTokenAuthenticationPolicy(credential, scope)).build();
  }

  /**
   * Asks the credential once per scope and reuses the token, as any client that keeps its token for the hour
   * does (the credential's own cache is not consulted for a second caller here: the broker's token would be
   * asked for twice).
   */
  private static TokenCredential once(TokenCredential credential) {
    Map<String, Mono<AccessToken>> tokens = new ConcurrentHashMap<>();
    return request -> tokens.computeIfAbsent(String.join(" ", request.getScopes()),
        scope -> credential.getToken(request).cache());
  }

  private static TokenCredential credential(String authority, String tenant, String app, String secret,
      HttpClient http) {
    return once(new ClientSecretCredentialBuilder().authorityHost(authority).tenantId(tenant).clientId(app)
        .clientSecret(secret).httpClient(http).disableInstanceDiscovery().build());
  }

  /** OkHttp trusting the JDK's CAs and the emulator's, as every client of a run with a cloud profile's CA does. */
  private static HttpClient http(String caPem) throws Exception {
    KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
    extra.load(null, null);
    int i = 0;
    for (Certificate c : CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
      extra.setCertificateEntry("extra-" + i++, c);
    }
    X509TrustManager jdk = trust(null);
    X509TrustManager emulator = trust(extra);
    X509TrustManager both = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String auth) throws CertificateException {
        jdk.checkClientTrusted(chain, auth);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String auth) throws CertificateException {
        try {
          emulator.checkServerTrusted(chain, auth);
        } catch (CertificateException e) {
          jdk.checkServerTrusted(chain, auth);
        }
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return jdk.getAcceptedIssuers();
      }
    };
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new javax.net.ssl.TrustManager[] {both}, null);
    return new OkHttpAsyncHttpClientBuilder(new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), both).build()).build();
  }

  private static X509TrustManager trust(KeyStore store) throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }
}
