package dev.jitelevate.core.internal.gateway.sdk;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * The one HTTP stack of a process: OkHttp (Graph v6 is built on it), shared by azure-identity, the ARM and
 * Key Vault SDKs through azure-core-http-okhttp, and by Graph. One connection pool and dispatcher per
 * trust configuration, so a hundred elevations in one JVM share sockets instead of opening their own.
 */
public final class SdkHttp {
  private static final Map<Optional<String>, SdkHttp> BY_CA = new ConcurrentHashMap<>();

  private final TrustedTls tls;
  private final OkHttpClient okHttp;
  private final HttpClient azure;

  private SdkHttp(TrustedTls tls, OkHttpClient okHttp) {
    this.tls = tls;
    this.okHttp = okHttp;
    this.azure = new OkHttpAsyncHttpClientBuilder(okHttp).build();
  }

  private static SdkHttp shared(TrustedTls tls) {
    return new SdkHttp(tls, new OkHttpClient.Builder()
        .sslSocketFactory(tls.socketFactory(), tls.trustManager())
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .proxyAuthenticator(ProxyChallenge::answer)
        .build());
  }

  /**
   * Builds the stack for clouds that name no extra CA (the public clouds), which loads and initialises what
   * every stack shares: the JDK's trust store, the TLS context and OkHttp.
   */
  public static void prepare() {
    BY_CA.computeIfAbsent(Optional.empty(), ca -> shared(TrustedTls.of(ca)));
  }

  /** The stack for a cloud: trusts the JDK's CAs plus the profile's CA, when it names one. */
  public static SdkHttp forCloud(CloudProfile cloud) {
    return BY_CA.computeIfAbsent(cloud.caCertificatePem(), ca -> shared(TrustedTls.of(ca)));
  }

  /**
   * The stack a caller supplied, or the shared one for the cloud: what a surface opened with {@code context}
   * calls through. A supplied client is used as it is (its proxy, trust, timeouts and interceptors).
   */
  public static SdkHttp forContext(SurfaceContext context) {
    return context.http().map(client -> new SdkHttp(forCloud(context.cloud()).tls, client))
        .orElseGet(() -> forCloud(context.cloud()));
  }

  /** The trust, for clients that build their own OkHttp chain (Graph's middleware). */
  public TrustedTls tls() {
    return tls;
  }

  /** The shared OkHttp client; derive with {@code newBuilder()} to add interceptors, sharing its pool. */
  public OkHttpClient okHttp() {
    return okHttp;
  }

  /** The azure-core HTTP client over the shared OkHttp client (azure-identity, ARM, Key Vault). */
  public HttpClient azureHttpClient() {
    return azure;
  }
}
