package dev.jitelevate.runner.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  static final Map<String, String> RUNNER = Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
      "HTTP_PROXY", "http://plain.corp:8080", "NO_PROXY", "internal.corp,.svc, 10.1.2.3:8443");

  @Nested
  class Choosing {
    final ProxySettings settings = ProxySettings.from(RUNNER);

    @Test
    void httpsGoesThroughHttpsProxyAndHttpThroughHttpProxy() {
      assertThat(settings.proxyFor(URI.create("https://login.microsoftonline.com/x")).address())
          .isEqualTo(InetSocketAddress.createUnresolved("proxy.corp", 3128));
      assertThat(settings.proxyFor(URI.create("http://results.example/x")).address())
          .isEqualTo(InetSocketAddress.createUnresolved("plain.corp", 8080));
    }

    @Test
    void noProxyEntriesMatchTheHostItsSubdomainsAndHostWithPort() {
      assertThat(settings.proxyFor(URI.create("https://internal.corp/"))).isEqualTo(Proxy.NO_PROXY);
      assertThat(settings.proxyFor(URI.create("https://vault.internal.corp/"))).isEqualTo(Proxy.NO_PROXY);
      assertThat(settings.proxyFor(URI.create("https://api.svc/"))).isEqualTo(Proxy.NO_PROXY);
      assertThat(settings.proxyFor(URI.create("https://10.1.2.3:8443/"))).isEqualTo(Proxy.NO_PROXY);
      assertThat(settings.proxyFor(URI.create("https://10.1.2.3:9443/"))).isNotEqualTo(Proxy.NO_PROXY);
      assertThat(settings.proxyFor(URI.create("https://notinternal.corp/"))).isNotEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void loopbackAndAStarNeverGoThroughTheProxy() {
      assertThat(settings.proxyFor(URI.create("https://127.0.0.1:8443/"))).isEqualTo(Proxy.NO_PROXY);
      assertThat(settings.proxyFor(URI.create("https://localhost/"))).isEqualTo(Proxy.NO_PROXY);
      assertThat(ProxySettings.from(Map.of("HTTPS_PROXY", "proxy:1", "NO_PROXY", "*"))
          .proxyFor(URI.create("https://graph.microsoft.com/"))).isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void lowerCaseVariablesWinAsInTheToolkit() {
      ProxySettings both = ProxySettings.from(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"));
      assertThat(both.proxyFor(URI.create("https://x.example/")).address())
          .isEqualTo(InetSocketAddress.createUnresolved("lower", 1));
    }

    @Test
    void aMalformedProxyIsOneLineNamingTheVariable() {
      assertThatThrownBy(() -> ProxySettings.from(Map.of("HTTPS_PROXY", "socks5://proxy:1080")))
          .hasMessage("HTTPS_PROXY must be http://host:port (it names no host or another scheme); fix the runner's HTTPS_PROXY.");
    }

    @Test
    void neverShowsCredentials() {
      ProxySettings withUser = ProxySettings.from(Map.of("HTTPS_PROXY", "http://me:s3cr%3At@proxy:3128"));
      assertThat(withUser.toString()).doesNotContain("s3cr", "me:");
      assertThat(withUser.credentialsFor("proxy", 3128).getPassword()).containsExactly("s3cr:t".toCharArray());
    }
  }

  @Test
  void onceInstalledOkHttpTunnelsHttpsThroughTheProxy() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    ProxySelector before = ProxySelector.getDefault();
    try (ServerSocket proxy = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = proxy.accept()) {
          seen.add(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine());
          OutputStream out = s.getOutputStream();
          out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (java.io.IOException e) {
          seen.add("proxy failed: " + e);
        }
      });
      t.start();
      ProxySettings.from(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.getLocalPort())).install();
      OkHttpClient client = new OkHttpClient();
      try {
        client.newCall(new Request.Builder().url("https://login.example.test/t").build()).execute().close();
      } catch (java.io.IOException expected) {
        // the proxy refuses the tunnel; what matters is that it was asked
      }
      t.join(10_000);
      assertThat(seen).containsExactly("CONNECT login.example.test:443 HTTP/1.1");
    } finally {
      ProxySelector.setDefault(before);
    }
  }
}
