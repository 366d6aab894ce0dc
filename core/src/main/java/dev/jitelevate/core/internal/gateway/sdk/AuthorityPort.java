package dev.jitelevate.core.internal.gateway.sdk;

import java.io.IOException;
import java.net.URI;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Keeps the authority's port on token requests. MSAL4J's silent refresh rebuilds the authority from the token
 * cache's environment, which is a host without a port ({@code AcquireTokenSilentSupplier}), so for an
 * authority on a port other than 443 (Azure Stack Hub, the emulator) the refresh would go to port 443 and a
 * person would be asked to sign in again. Only requests to the authority's own host on the default port are
 * sent to the authority's port; every other request passes unchanged.
 */
public final class AuthorityPort implements Interceptor {
  private final String host;
  private final int port;

  private AuthorityPort(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** The interceptor for an authority host; none is needed when it is on the default port. */
  public static java.util.Optional<Interceptor> of(URI authorityHost) {
    int port = authorityHost.getPort();
    if (port < 0 || port == 443 || authorityHost.getHost() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new AuthorityPort(authorityHost.getHost(), port));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.url().host().equalsIgnoreCase(host) && request.url().port() == 443) {
      request = request.newBuilder().url(request.url().newBuilder().port(port).build()).build();
    }
    return chain.proceed(request);
  }
}
