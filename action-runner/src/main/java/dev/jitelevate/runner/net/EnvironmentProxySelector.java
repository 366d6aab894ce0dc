package dev.jitelevate.runner.net;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/** A {@link ProxySelector} over {@link ProxySettings}: one proxy or none per request. */
final class EnvironmentProxySelector extends ProxySelector {
  private final ProxySettings settings;

  EnvironmentProxySelector(ProxySettings settings) {
    this.settings = settings;
  }

  @Override
  public List<Proxy> select(URI uri) {
    return List.of(settings.proxyFor(uri));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // one proxy per request: nothing to fall back to; the call reports the failure
  }
}
