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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTPS engine: WireMock on loopback with the emulator's certificate and a single catch-all stub whose
 * transformer hands every request to the {@link Dispatcher}. Holds the journal and the fault rules. WireMock's own
 * {@code /__admin} API is locked (no real service has it, and it could delete the catch-all stub); delayed
 * responses are scheduled asynchronously so added latency does not hold request threads.
 */
public final class EmulatorEngine implements AutoCloseable {
  private final RequestJournal journal = new RequestJournal();
  private final FaultRules faultRules = new FaultRules();
  private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);
  private final WireMockServer server;
  private final DispatchTransformer transformer = new DispatchTransformer();

  /**
   * Prepares the engine.
   *
   * @param bindAddress the address to listen on
   * @param port the HTTPS port, or 0 for a free one
   */
  public EmulatorEngine(String bindAddress, int port, TlsMaterial tls) {
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
        .extensions(transformer);
    options = port == 0 ? options.dynamicHttpsPort() : options.httpsPort(port);
    this.server = new WireMockServer(options);
  }

  /** Starts listening; until {@link #serve} is called every request gets a 503. */
  public void start() {
    server.start();
    server.stubFor(any(anyUrl()).willReturn(ok()));
  }

  /** Routes requests to the surfaces: the admin surface first, then the others in their order. */
  public void serve(EmulatorContext context, Surface admin, List<Surface> surfaces) {
    List<Surface> all = new ArrayList<>();
    all.add(admin);
    all.addAll(surfaces);
    HazardGate gate = new HazardGate(faultRules, buckets, () -> ThreadLocalRandom.current().nextDouble());
    transformer.dispatcher(new Dispatcher(context, all, admin, gate, journal));
  }

  /** The HTTPS port. */
  public int port() {
    return server.httpsPort();
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
