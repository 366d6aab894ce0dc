package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.net.URI;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds {@link GraphServiceClient}s against a cloud profile's Graph endpoint, on the process's one OkHttp pool.
 *
 * <p>The client carries Graph's middleware (redirects, telemetry, user agent, parameter decoding) except the
 * Kiota {@code RetryHandler}: retries belong to {@link dev.jitelevate.core.internal.gateway.sdk.TransientRetry}
 * alone, so a 429 storm is not retried 3 x (maxRetries + 1) times and every retry is announced as a
 * {@code Retrying} event. Every HTTP call is reported to {@link SurfaceContext#apiCalls()}.
 */
final class GraphClients {
  private GraphClients() {}

  /** A Graph v1.0 client that calls as {@code caller} with a credential made now, reporting calls to {@code reporter}. */
  static GraphServiceClient create(CredentialSource caller, SurfaceContext context, SdkHttp http,
      CallReporter reporter) {
    URI graph = context.cloud().graphEndpoint();
    String scope = audienceScope(context.cloud().graphAudience());
    var auth = new AzureIdentityAuthenticationProvider(caller.newCredential(), new String[] {graph.getHost()}, scope);
    OkHttpClient.Builder okHttp = http.okHttp().newBuilder();
    for (Interceptor interceptor : GraphClientFactory.createDefaultGraphInterceptors(new RequestOption[0])) {
      if (!(interceptor instanceof RetryHandler)) {
        okHttp.addInterceptor(interceptor);
      }
    }
    okHttp.addInterceptor(reporter);
    var adapter = new BaseGraphRequestAdapter(auth, null, null, okHttp.build(), null, null);
    String base = graph.toString();
    adapter.setBaseUrl((base.endsWith("/") ? base : base + "/") + "v1.0");
    return new GraphServiceClient(adapter);
  }

  /** {@code https://graph.microsoft.com/} becomes {@code https://graph.microsoft.com/.default}. */
  static String audienceScope(String audience) {
    return (audience.endsWith("/") ? audience : audience + "/") + ".default";
  }
}
