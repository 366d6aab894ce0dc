package dev.jitelevate.core.internal.gateway.sdk;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Answers a proxy's 407 with the credentials the process's {@link Authenticator} holds for that proxy (the
 * application sets them, e.g. from a proxy URL with user info); OkHttp does not consult it on its own.
 */
final class ProxyChallenge {
  private ProxyChallenge() {}

  static Request answer(Route route, Response response) {
    if (route == null || response.request().header("Proxy-Authorization") != null
        || !(route.proxy().address() instanceof InetSocketAddress proxy)) {
      return null;
    }
    PasswordAuthentication credentials = Authenticator.requestPasswordAuthentication(proxy.getHostString(), null,
        proxy.getPort(), "http", "", "basic", null, Authenticator.RequestorType.PROXY);
    if (credentials == null) {
      return null;
    }
    return response.request().newBuilder().header("Proxy-Authorization",
        Credentials.basic(credentials.getUserName(), new String(credentials.getPassword()))).build();
  }
}
