package dev.jitelevate.core;

import com.azure.core.credential.TokenCredential;
import com.azure.core.util.SharedExecutorService;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.DeviceCodeInfo;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import dev.jitelevate.core.internal.gateway.sdk.AuthorityPort;
import dev.jitelevate.core.internal.gateway.sdk.CallerFirstExecutor;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link CredentialSource}s for the usual identities, built with azure-identity against a cloud profile's
 * authority and trust. Each {@link CredentialSource#newCredential()} returns a credential whose tokens are
 * issued after it was made (an empty cache for applications; for a person, the same sign-in refreshed), so
 * the verify step sees claims issued after activation.
 */
public final class Credentials {
  private Credentials() {}

  /** An app registration signing in with a client secret (a broker on a self-hosted runner, tests). */
  public static CredentialSource clientSecret(CloudProfile cloud, String tenantId, String clientId, String secret) {
    Objects.requireNonNull(secret, "secret");
    return () -> {
      ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder().tenantId(tenantId)
          .clientId(clientId).clientSecret(secret).authorityHost(cloud.authorityHost().toString())
          .httpClient(http(cloud));
      if (!isWellKnown(cloud)) {
        builder.disableInstanceDiscovery();
      }
      return builder.build();
    };
  }

  /**
   * A workload identity signing in with a client assertion, e.g. a GitHub OIDC token exchanged through a
   * federated credential. The supplier is called whenever a token is needed; it must return a fresh assertion.
   */
  public static CredentialSource clientAssertion(CloudProfile cloud, String tenantId, String clientId,
      Supplier<String> assertion) {
    Objects.requireNonNull(assertion, "assertion");
    return () -> {
      ClientAssertionCredentialBuilder builder = new ClientAssertionCredentialBuilder().tenantId(tenantId)
          .clientId(clientId).clientAssertion(assertion).authorityHost(cloud.authorityHost().toString())
          .httpClient(http(cloud));
      if (!isWellKnown(cloud)) {
        builder.disableInstanceDiscovery();
      }
      return builder.build();
    };
  }

  /** The managed identity of the machine (self-hosted runners on Azure); a user-assigned one by client id. */
  public static CredentialSource managedIdentity(CloudProfile cloud, Optional<String> clientId) {
    return () -> {
      ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder().httpClient(http(cloud));
      clientId.ifPresent(builder::clientId);
      return builder.build();
    };
  }

  /** The person signed in with {@code az login} on this machine. */
  public static CredentialSource azureCli(Optional<String> tenantId) {
    return () -> {
      AzureCliCredentialBuilder builder = new AzureCliCredentialBuilder();
      tenantId.ifPresent(builder::tenantId);
      return builder.build();
    };
  }

  /**
   * A person signing in with the device code flow; {@code prompt} receives the message to show. One sign-in for
   * the source's lifetime: every {@link CredentialSource#newCredential()} is a view of the same credential whose
   * tokens are issued after the view was made, redeemed with the person's refresh token (no new prompt).
   */
  public static PersonSignIn deviceCode(CloudProfile cloud, String tenantId, String clientId,
      Consumer<String> prompt) {
    return deviceCode(cloud, tenantId, clientId, prompt, PersonTokenCache.memory());
  }

  /** As {@link #deviceCode(CloudProfile, String, String, Consumer)}, with the tokens kept as {@code cache} says. */
  public static PersonSignIn deviceCode(CloudProfile cloud, String tenantId, String clientId,
      Consumer<String> prompt, PersonTokenCache cache) {
    // azure-core's shared pool (azure-identity's default for MSAL), with each task started after its caller waits:
    // MSAL's device code flow can otherwise fail its first poll on a loaded machine (CallerFirstExecutor).
    CallerFirstExecutor msalWorkers =
        new CallerFirstExecutor(SharedExecutorService.getInstance(), Duration.ofSeconds(1));
    PersonCredential person = new PersonCredential(() -> {
      DeviceCodeCredentialBuilder builder = new DeviceCodeCredentialBuilder().tenantId(tenantId).clientId(clientId)
          .authorityHost(cloud.authorityHost().toString()).httpClient(identityHttp(cloud))
          .challengeConsumer((DeviceCodeInfo info) -> prompt.accept(info.getMessage()))
          .executorService(msalWorkers);
      if (!isWellKnown(cloud)) {
        builder.disableInstanceDiscovery();
      }
      return builder;
    }, cache, prompt);
    return new PersonSignIn(person, java.time.Clock.systemUTC());
  }

  /** The HTTP client for a public client's sign-in: keeps the authority's port on silent refreshes. */
  private static com.azure.core.http.HttpClient identityHttp(CloudProfile cloud) {
    SdkHttp shared = SdkHttp.forCloud(cloud);
    return AuthorityPort.of(cloud.authorityHost())
        .<com.azure.core.http.HttpClient>map(port -> new com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder(
            shared.okHttp().newBuilder().addInterceptor(port).build()).build())
        .orElseGet(shared::azureHttpClient);
  }

  /** Any credential, made anew per call by the factory. */
  public static CredentialSource of(Supplier<TokenCredential> factory) {
    return factory::get;
  }

  private static com.azure.core.http.HttpClient http(CloudProfile cloud) {
    return SdkHttp.forCloud(cloud).azureHttpClient();
  }

  /**
   * Instance discovery only works against Microsoft's own authorities; custom clouds and the emulator skip it.
   * The authority is compared first: a record's first {@code equals} links its method handles, about 10 ms of
   * a CLI start, which a profile with another authority (most custom ones) does not need to pay.
   */
  private static boolean isWellKnown(CloudProfile cloud) {
    return sameAs(cloud, CloudProfile.azurePublic()) || sameAs(cloud, CloudProfile.azureChina())
        || sameAs(cloud, CloudProfile.azureUsGovernment());
  }

  private static boolean sameAs(CloudProfile cloud, CloudProfile known) {
    return cloud == known || cloud.authorityHost().equals(known.authorityHost()) && cloud.equals(known);
  }
}
