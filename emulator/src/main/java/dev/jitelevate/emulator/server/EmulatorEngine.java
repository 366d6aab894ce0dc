package dev.jitelevate.emulator.server;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.tls.TlsMaterial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTPS engine: WireMock on loopback with the emulator's certificate and a single catch-all stub whose
 * transformer hands every request to the {@link Dispatcher}. Holds the journal and the fault rules. WireMock's own
 * {@code /__admin} API is locked (no real service has it, and it could delete the catch-all stub); delayed
 * responses are scheduled asynchronously so added latency does not hold request threads.
 *
 * <p>The main port serves every surface. Each <em>dedicated</em> service (ARM, Graph) also gets a port of its
 * own that serves that surface alone, as Azure serves each from a host of its own: a client pointed there opens
 * a connection per service, and a request sent to the wrong service's host is not found. The ports are
 * connectors of one server ({@link MultiPortJettyServer}), so they share the journal, the fault rules and the
 * token buckets; a request goes to the dispatcher of the port it arrived on.
 */
public final class EmulatorEngine implements AutoCloseable {
  private final RequestJournal journal = new RequestJournal();
  private final FaultRules faultRules = new FaultRules();
  private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);
  private final WireMockServer server;
  private final DispatchTransformer transformer = new DispatchTransformer();
  private final MultiPortJettyServer.Factory ports;
  private final List<String> dedicatedServices;

  /**
   * Prepares the engine.
   *
   * @param bindAddress the address to listen on
   * @param port the main HTTPS port, or 0 for a free one
   * @param dedicatedServices the surfaces ({@link Surface#name()}) that also get a port of their own (a free one)
   */
  public EmulatorEngine(String bindAddress, int port, TlsMaterial tls, List<String> dedicatedServices) {
    this.dedicatedServices = List.copyOf(dedicatedServices);
    this.ports = new MultiPortJettyServer.Factory(this.dedicatedServices.size());
    WireMockConfiguration options = WireMockConfiguration.options()
        .httpDisabled(true)
        .bindAddress(bindAddress.replace("[", "").replace("]", ""))
        .keystorePath(tls.keystorePath().toString())
        .keystorePassword(tls.keystorePassword())
        .keyManagerPassword(tls.keystorePassword())
        .keystoreType("PKCS12")
        .http2TlsDisabled(true)
        .gzipDisabled(true)
        .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
        .disableRequestJournal()
        .adminAuthenticator(request -> false)
        .containerThreads(64)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(8)
        .notifier(new ConsoleNotifier(false))
        .httpServerFactory(ports)
        .extensions(transformer);
    options = port == 0 ? options.dynamicHttpsPort() : options.httpsPort(port);
    this.server = new WireMockServer(options);
  }

  /** Starts listening on every port; until {@link #serve} is called every request gets a 503. */
  public void start() {
    server.start();
    server.stubFor(any(anyUrl()).willReturn(ok()));
  }

  /**
   * Routes requests to the surfaces: on the main port the admin surface first, then the others in their order;
   * on a dedicated port only that service's surface.
   */
  public void serve(EmulatorContext context, Surface admin, List<Surface> surfaces) {
    List<Surface> all = new ArrayList<>();
    all.add(admin);
    all.addAll(surfaces);
    HazardGate gate = new HazardGate(faultRules, buckets, () -> ThreadLocalRandom.current().nextDouble());
    Map<Integer, Dispatcher> byPort = new HashMap<>();
    for (String service : dedicatedServices) {
      byPort.put(port(service), new Dispatcher(context, surfaces.stream().filter(s -> s.name().equals(service)).toList(),
          admin, gate, journal, " (this port is the " + service + " service's host and serves it alone, as Azure gives"
              + " each service a host of its own: send other services' requests to their endpoints in the cloud"
              + " profile)"));
    }
    transformer.dispatchers(new Dispatcher(context, all, admin, gate, journal, ""), byPort);
  }

  /** The main HTTPS port, which serves every surface. */
  public int port() {
    return server.httpsPort();
  }

  /**
   * The port of a dedicated service, once started.
   *
   * @throws IllegalArgumentException when the service has no port of its own
   */
  public int port(String service) {
    int index = dedicatedServices.indexOf(service);
    if (index < 0) {
      throw new IllegalArgumentException("The service " + service + " has no port of its own");
    }
    return ports.extraPorts().get(index);
  }

  public List<JournalEntry> journal() {
    return journal.entries();
  }

  public void clearJournal() {
    journal.clear();
  }

  public void injectFault(FaultRule rule) {
    faultRules.add(rule);
  }

  /** Disarms every fault rule and forgets throttling state (scenario reset). */
  public void clearHazardState() {
    faultRules.clear();
    buckets.clear();
  }

  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }
}
