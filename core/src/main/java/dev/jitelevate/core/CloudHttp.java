package dev.jitelevate.core;

import com.azure.core.http.HttpClient;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.internal.json.CoreJson;
import okhttp3.OkHttpClient;

/**
 * The process's one HTTP stack for a cloud, for callers outside the core (the action's OIDC, artifact and
 * shipping clients): the same connection pool, proxy handling and trust (the JDK's CAs plus the profile's CA)
 * the elevations use.
 */
public final class CloudHttp {
  private CloudHttp() {}

  /** The shared OkHttp client for the cloud; derive with {@code newBuilder()} to add interceptors. */
  public static OkHttpClient okHttp(CloudProfile cloud) {
    return SdkHttp.forCloud(cloud).okHttp();
  }

  /**
   * Builds now what every cloud's HTTP stack shares (the JDK's trust store read once, the TLS context, OkHttp,
   * the core's JSON mapper), so that a caller can overlap that with its own start, e.g. on a thread started
   * before it parses its arguments; later calls find it ready. Safe to call from any thread, any number of times.
   */
  public static void prepare() {
    SdkHttp.prepare();
    CoreJson.MAPPER.getFactory();
  }

  /** The azure-core HTTP client over the same OkHttp client (azure-identity, ARM, Key Vault, Logs Ingestion). */
  public static HttpClient azureHttpClient(CloudProfile cloud) {
    return SdkHttp.forCloud(cloud).azureHttpClient();
  }
}
