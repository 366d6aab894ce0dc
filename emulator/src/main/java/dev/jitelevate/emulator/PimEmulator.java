package dev.jitelevate.emulator;

import dev.jitelevate.emulator.admin.AdminOperations;
import dev.jitelevate.emulator.admin.AdminSurface;
import dev.jitelevate.emulator.entra.GitHubActions;
import dev.jitelevate.emulator.entra.SignIns;
import dev.jitelevate.emulator.entra.SigningKeyCache;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.PendingApproval;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.TokenValidator;
import dev.jitelevate.emulator.logs.IngestedLogs;
import dev.jitelevate.emulator.server.EmulatorEngine;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.server.JournalEntry;
import dev.jitelevate.emulator.server.SurfaceCatalog;
import dev.jitelevate.emulator.tls.HostNames;
import dev.jitelevate.emulator.tls.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * A faithful local Entra ID / ARM PIM / Graph PIM / Key Vault / GitHub OIDC, over HTTPS on loopback, in the
 * spirit of okhttp's MockWebServer: start it on a free port with its own state, point clients at
 * {@link #baseUrl()} trusting {@link #sslContext()}, inspect it, stop it. Thread-safe.
 */
public final class PimEmulator implements AutoCloseable, AdminOperations {
  private static final String ARM = "arm";
  private static final String GRAPH = "graph";
  private final EmulatorContext context;
  private final TlsMaterial tls;
  private final EmulatorEngine engine;
  private final List<Surface> surfaces;
  private Scenario scenario;

  private PimEmulator(Builder builder) {
    this.tls = TlsMaterial.generate(List.of(builder.bind));
    this.engine = new EmulatorEngine(builder.bind, builder.port, tls, List.of(ARM, GRAPH));
    this.context = new EmulatorContext(EmulatorClock.system(), builder.hazards);
    builder.keyCache.ifPresent(cache -> context.register(SigningKeyCache.class, cache));
    try {
      engine.start();
      context.baseUrl("https://" + HostNames.forUrl(builder.bind) + ":" + engine.port() + "/");
      this.surfaces = SurfaceCatalog.createAll(context, PimEmulator.class.getClassLoader());
      loadScenario(builder.scenario);
      engine.serve(context, new AdminSurface(this), surfaces);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configures and starts an emulator. */
  public static final class Builder {
    private int port;
    private String bind = "127.0.0.1";
    private Scenario scenario = Scenario.demo();
    private Hazards hazards = Hazards.none();
    private Optional<SigningKeyCache> keyCache = Optional.empty();

    private Builder() {}

    /** The HTTPS port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be within 0..65535");
      this.port = port;
      return this;
    }

    /**
     * The address to listen on (default 127.0.0.1), e.g. a container bridge's address so that containers
     * reach the emulator; the base URL and the server certificate name it.
     *
     * @throws IllegalArgumentException for a wildcard address, which no client can connect to by that name
     */
    public Builder bind(String address) {
      String value = Objects.requireNonNull(address, "address").trim();
      if (value.isEmpty() || HostNames.isWildcard(value)) {
        throw new IllegalArgumentException("--bind needs the one address clients connect to (e.g. a bridge's"
            + " 10.88.0.1), not '" + value + "': the base URL and the certificate name it.");
      }
      this.bind = value;
      return this;
    }

    /** The scenario to start with (default: the built-in demo). */
    public Builder scenario(Scenario scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      return this;
    }

    /** The hazards to start with (default: none). */
    public Builder hazards(Hazards hazards) {
      this.hazards = Objects.requireNonNull(hazards, "hazards");
      return this;
    }

    /**
     * Keeps the token signing keys (Entra's, GitHub's) in this directory and reuses them on later starts
     * (default: new keys each start). Saves a second or more of CPU per start in a short-lived JVM.
     */
    public Builder signingKeyCache(Path directory) {
      this.keyCache = Optional.of(SigningKeyCache.in(directory));
      return this;
    }

    /** Starts listening; returns once requests are served. */
    public PimEmulator start() {
      return new PimEmulator(this);
    }
  }

  /**
   * The base URL with a trailing slash, e.g. {@code https://127.0.0.1:49152/}: Entra's sign-in (the authority
   * host), GitHub's OIDC issuer, Key Vault, the admin API, and every other service too, for clients that are
   * pointed at one URL.
   */
  public String baseUrl() {
    return context.baseUrl();
  }

  /**
   * Azure Resource Manager's own host, as the cloud profile names it ({@code management.azure.com} in Azure):
   * another port that serves ARM alone, so that a client makes a connection of its own to it, as in Azure.
   */
  public String armBaseUrl() {
    return serviceUrl(ARM);
  }

  /** Microsoft Graph's own host, as the cloud profile names it ({@code graph.microsoft.com}): Graph alone. */
  public String graphBaseUrl() {
    return serviceUrl(GRAPH);
  }

  private String serviceUrl(String service) {
    URI main = URI.create(baseUrl());
    return "https://" + HostNames.forUrl(main.getHost()) + ":" + engine.port(service) + "/";
  }

  public String tenantId() {
    return context.require(Directory.class).tenantId();
  }

  /** The cloud profile JSON pointing clients at this emulator. */
  @Override
  public String profileJson() {
    return CloudProfileJson.of(baseUrl(), armBaseUrl(), graphBaseUrl(), tenantId(), github().oidcRequestUrl(),
        github().oidcRequestToken(), caCertificatePem());
  }

  /** Writes the cloud profile JSON to a file. */
  public Path writeProfile(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, profileJson());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the cloud profile to " + file + ": " + e.getMessage(), e);
    }
  }

  public String caCertificatePem() {
    return tls.caCertificatePem();
  }

  /** A TLS context trusting only the emulator's CA. */
  public SSLContext sslContext() {
    return tls.sslContext();
  }

  public X509TrustManager trustManager() {
    return tls.trustManager();
  }

  /**
   * Validates an access token the emulator issued (signature, lifetime, audience), as the surfaces do.
   *
   * @return the caller it describes, or empty when it is not valid for any of the audiences
   */
  public Optional<Caller> validateToken(String bearerToken, String... audiences) {
    return context.require(TokenValidator.class).validate(bearerToken, Set.of(audiences));
  }

  /** Every active assignment and membership on every surface right now. */
  @Override
  public List<ActiveAssignment> activeAssignments() {
    return surfaces.stream().flatMap(s -> s.activeAssignments().stream()).toList();
  }

  /** Active assignments the scenario did not create: privileges someone forgot to take away. */
  public List<ActiveAssignment> leaks() {
    return activeAssignments().stream().filter(a -> !a.fromScenario()).toList();
  }

  @Override
  public List<JournalEntry> journal() {
    return engine.journal();
  }

  @Override
  public void clearJournal() {
    engine.clearJournal();
  }

  @Override
  public EmulatorClock clock() {
    return context.clock();
  }

  @Override
  public Hazards hazards() {
    return context.hazards();
  }

  @Override
  public void hazards(Hazards hazards) {
    context.hazards(hazards);
  }

  /** Arms a targeted fault for the next matching requests. */
  @Override
  public void injectFault(FaultRule rule) {
    engine.injectFault(Objects.requireNonNull(rule, "rule"));
  }

  @Override
  public List<PendingApproval> pendingApprovals() {
    return surfaces.stream().flatMap(s -> s.pendingApprovals().stream()).toList();
  }

  @Override
  public Optional<PendingApproval> decide(String approvalId, boolean approve, String approverId, String justification) {
    for (Surface surface : surfaces) {
      Optional<PendingApproval> decided = surface.decide(approvalId, approve, approverId, justification);
      if (decided.isPresent()) {
        return decided;
      }
    }
    return Optional.empty();
  }

  /**
   * Replaces every surface's state with the scenario's.
   *
   * @throws IllegalArgumentException when the scenario is invalid; the previous scenario is then restored
   */
  @Override
  public synchronized void loadScenario(Scenario next) {
    Scenario previous = scenario;
    try {
      surfaces.forEach(s -> s.load(next));
      scenario = next;
    } catch (RuntimeException e) {
      if (previous != null) {
        surfaces.forEach(s -> s.load(previous));
      }
      throw new IllegalArgumentException("The scenario cannot be loaded: " + e.getMessage(), e);
    }
  }

  /** Reloads the current scenario, puts the clock back on real time, disarms faults and clears the journal. */
  @Override
  public synchronized void reset() {
    context.clock().reset();
    engine.clearHazardState();
    loadScenario(scenario);
    engine.clearJournal();
  }

  /** The Logs Ingestion endpoint (a data collection endpoint's URL) to give {@code LogsIngestionClientBuilder}. */
  public String logsIngestionEndpoint() {
    return baseUrl() + "ingest";
  }

  /** The rows the Logs Ingestion endpoint accepted, per data collection rule and stream. */
  public IngestedLogs ingestedLogs() {
    return context.require(IngestedLogs.class);
  }

  /** The GitHub Actions job context of the OIDC issuer, and the request URL/token a step would see. */
  @Override
  public GitHubActions github() {
    return context.require(GitHubActions.class);
  }

  /** The user sign-in log, and which scenario user completes device code flows. */
  public SignIns signIns() {
    return context.require(SignIns.class);
  }

  /** Each user's {@code signInSessionsValidFromDateTime}, moved by Graph's {@code revokeSignInSessions}. */
  public dev.jitelevate.emulator.kernel.SignInSessions signInSessions() {
    return context.require(dev.jitelevate.emulator.kernel.SignInSessions.class);
  }

  public void stop() {
    close();
  }

  @Override
  public void close() {
    engine.close();
    tls.close();
  }
}
