package dev.jitelevate.runner.net;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy the GitHub runner hands every step, action containers included: {@code HTTPS_PROXY} for https,
 * {@code HTTP_PROXY} for http (lower-case names first, as in actions/toolkit), {@code NO_PROXY} for what goes
 * direct. The JVM's own proxy selector ignores these variables, so {@link #install()} puts them in place for
 * every client of the process: OkHttp (the Azure SDKs, Graph, the OIDC and artifact calls) and the JDK's
 * HTTP client. Credentials in a proxy URL ({@code http://user:pass@proxy:3128}) answer the proxy's challenge.
 */
public record ProxySettings(Optional<URI> https, Optional<URI> http, NoProxy noProxy) {

  /**
   * Reads the variables.
   *
   * @throws IllegalArgumentException with a one-line explanation when a proxy URL is not {@code http://host:port}
   */
  public static ProxySettings from(Map<String, String> env) {
    return new ProxySettings(url(env, "https_proxy", "HTTPS_PROXY"), url(env, "http_proxy", "HTTP_PROXY"),
        NoProxy.parse(first(env, "no_proxy", "NO_PROXY").orElse("")));
  }

  /** True when neither proxy is set. */
  public boolean none() {
    return https.isEmpty() && http.isEmpty();
  }

  /** The proxy for a request to {@code uri}: none, or the variable's host and port. */
  public Proxy proxyFor(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
    Optional<URI> proxy = scheme.equals("https") || scheme.equals("wss") ? https : http;
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (proxy.isEmpty() || uri.getHost() == null || noProxy.bypasses(uri.getHost(), port)) {
      return Proxy.NO_PROXY;
    }
    URI p = proxy.get();
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), p.getPort() == -1 ? 80 : p.getPort()));
  }

  /** Makes these the process's proxy settings (selector and, when the URLs carry them, credentials). */
  public void install() {
    if (none()) {
      return;
    }
    ProxySelector.setDefault(new EnvironmentProxySelector(this));
    if (https.map(URI::getRawUserInfo).or(() -> http.map(URI::getRawUserInfo)).isPresent()) {
      Authenticator.setDefault(new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return getRequestorType() == RequestorType.PROXY ? credentialsFor(getRequestingHost(), getRequestingPort()) : null;
        }
      });
    }
  }

  PasswordAuthentication credentialsFor(String host, int port) {
    for (Optional<URI> candidate : java.util.List.of(https, http)) {
      if (candidate.isPresent() && candidate.get().getRawUserInfo() != null
          && candidate.get().getHost().equalsIgnoreCase(host) && (candidate.get().getPort() == -1 ? 80 : candidate.get().getPort()) == port) {
        String[] parts = candidate.get().getRawUserInfo().split(":", 2);
        return new PasswordAuthentication(decode(parts[0]), (parts.length > 1 ? decode(parts[1]) : "").toCharArray());
      }
    }
    return null;
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "ProxySettings[https=" + https.map(ProxySettings::shown).orElse("-") + ", http="
        + http.map(ProxySettings::shown).orElse("-") + ", noProxy=" + noProxy.entries() + "]";
  }

  private static String shown(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Optional<String> first(Map<String, String> env, String lower, String upper) {
    String v = env.get(lower);
    if (v == null || v.isBlank()) {
      v = env.get(upper);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static Optional<URI> url(Map<String, String> env, String lower, String upper) {
    return first(env, lower, upper).map(value -> {
      String text = value.contains("://") ? value : "http://" + value;
      URI uri;
      try {
        uri = URI.create(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(upper + " is not a URL; set it to http://host:port.");
      }
      if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException(upper + " must be http://host:port (it names no host or another"
            + " scheme); fix the runner's " + upper + ".");
      }
      return uri;
    });
  }
}
