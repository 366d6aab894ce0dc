package dev.jitelevate.emulator.server;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.ArrayList;
import java.util.List;
import wiremock.org.eclipse.jetty.io.EndPoint;
import wiremock.org.eclipse.jetty.server.NetworkTrafficServerConnector;
import wiremock.org.eclipse.jetty.server.ServerConnector;

/**
 * WireMock's Jetty server with more HTTPS ports than WireMock's one: each another connector on the same server
 * (same certificate, handlers and threads), on a free port. A second WireMock server per port cost the emulator's
 * start ~130 ms of CPU and a thread pool each; a connector costs a listening socket. Built through WireMock's
 * {@link HttpServerFactory} extension point; the connectors are made by WireMock's own {@code createHttpsConnector}.
 */
final class MultiPortJettyServer extends Jetty11HttpServer {
  private final List<ServerConnector> extra = new ArrayList<>();

  private MultiPortJettyServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs, int extraPorts) {
    super(options, admin, stubs);
    HttpsSettings main = options.httpsSettings();
    HttpsSettings free = new HttpsSettings.Builder().port(0).keyStorePath(main.keyStorePath())
        .keyStorePassword(main.keyStorePassword()).keyManagerPassword(main.keyManagerPassword())
        .keyStoreType(main.keyStoreType()).trustStorePath(main.trustStorePath())
        .trustStorePassword(main.trustStorePassword()).trustStoreType(main.trustStoreType())
        .needClientAuth(main.needClientAuth()).build();
    var listener = ((NetworkTrafficServerConnector) httpsConnector).getNetworkTrafficListener();
    for (int i = 0; i < extraPorts; i++) {
      ServerConnector connector = createHttpsConnector(options.bindAddress(), free, options.jettySettings(), listener);
      jettyServer.addConnector(connector);
      extra.add(connector);
    }
  }

  /**
   * Closes the extra ports' open connections first, as WireMock does for its own port before it stops Jetty:
   * else Jetty's stop waits on each client's kept-alive connection (~200 ms for a client of three ports).
   */
  @Override
  public void stop() {
    extra.forEach(connector -> connector.getConnectedEndPoints().forEach(EndPoint::close));
    super.stop();
  }

  /** The extra ports, in the order they were asked for; known once the server started. */
  List<Integer> extraPorts() {
    return extra.stream().map(ServerConnector::getLocalPort).toList();
  }

  /** Builds the server with {@code extraPorts} more HTTPS ports and keeps it, for its ports. */
  static final class Factory implements HttpServerFactory {
    private final int extraPorts;
    private volatile MultiPortJettyServer built;

    Factory(int extraPorts) {
      this.extraPorts = extraPorts;
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
      built = new MultiPortJettyServer(options, admin, stubs, extraPorts);
      return built;
    }

    /** The extra ports of the server this factory built. */
    List<Integer> extraPorts() {
      if (built == null) {
        throw new IllegalStateException("The server has not been built");
      }
      return built.extraPorts();
    }
  }
}
