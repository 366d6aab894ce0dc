package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;

/**
 * The azure-core pipeline every ARM call goes through: a client request id, the API-call report, and a
 * bearer token for the profile's ARM audience — on the process's one HTTP stack. It has no retry policy:
 * {@link dev.jitelevate.core.internal.gateway.sdk.TransientRetry} retries whole calls, so every retry is an event.
 */
final class ArmPipeline {
  private ArmPipeline() {}

  static HttpPipeline create(TokenCredential credential, SurfaceContext context, SdkHttp http) {
    return new HttpPipelineBuilder()
        .httpClient(http.azureHttpClient())
        .policies(new RequestIdPolicy(), new ApiCallPolicy(context.apiCalls()),
            new BearerTokenAuthenticationPolicy(credential, tokenScope(context.cloud())))
        .build();
  }

  /** The tenant: configured, else the cloud's default (custom clouds, the emulator), else none. */
  static String tenant(SurfaceContext context) {
    return context.tenantId().or(() -> context.cloud().defaultTenantId()).orElse(null);
  }

  /** {@code https://management.azure.com/} becomes {@code https://management.azure.com/.default}. */
  static String tokenScope(CloudProfile cloud) {
    String audience = cloud.resourceManagerAudience();
    return (audience.endsWith("/") ? audience : audience + "/") + ".default";
  }

  /** The ARM endpoint without its trailing slash, to put a scope (which starts with one) behind it. */
  static String endpoint(CloudProfile cloud) {
    String base = cloud.resourceManagerEndpoint().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
