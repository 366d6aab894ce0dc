package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.net.URI;
import okhttp3.OkHttpClient;

/** Builds {@link GraphServiceClient}s against a cloud profile's Graph endpoint, on the process's one OkHttp pool. */
public final class GraphClients {
  private GraphClients() {}

  /** A Graph v1.0 client that calls as {@code caller} with a credential made now. */
  public static GraphServiceClient create(CredentialSource caller, SurfaceContext context, SdkHttp http) {
    URI graph = context.cloud().graphEndpoint();
    String scope = audienceScope(context.cloud().graphAudience());
    var auth = new AzureIdentityAuthenticationProvider(caller.newCredential(), new String[] {graph.getHost()}, scope);
    OkHttpClient okHttp = GraphClientFactory.create()
        .connectionPool(http.okHttp().connectionPool())
        .dispatcher(http.okHttp().dispatcher())
        .sslSocketFactory(http.tls().socketFactory(), http.tls().trustManager())
        .build();
    var adapter = new BaseGraphRequestAdapter(auth, null, null, okHttp, null, null);
    String base = graph.toString();
    adapter.setBaseUrl((base.endsWith("/") ? base : base + "/") + "v1.0");
    return new GraphServiceClient(adapter);
  }

  /** {@code https://graph.microsoft.com/} becomes {@code https://graph.microsoft.com/.default}. */
  static String audienceScope(String audience) {
    return (audience.endsWith("/") ? audience : audience + "/") + ".default";
  }
}
