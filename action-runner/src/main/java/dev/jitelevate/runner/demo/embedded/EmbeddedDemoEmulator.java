package dev.jitelevate.runner.demo.embedded;

import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.runner.demo.DemoEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The embedded {@link PimEmulator} behind {@link DemoEmulator}. Packaged in {@code jit-elevate-demo.jar}
 * only (with the emulator and its dependencies), never in the production jar.
 */
public final class EmbeddedDemoEmulator implements DemoEmulator {
  private final PimEmulator emulator;

  private EmbeddedDemoEmulator(PimEmulator emulator) {
    this.emulator = emulator;
  }

  @Override
  public String baseUrl() {
    return emulator.baseUrl();
  }

  @Override
  public String tenantId() {
    return emulator.tenantId();
  }

  @Override
  public String profileJson() {
    return emulator.profileJson();
  }

  @Override
  public String githubIdToken(String audience) {
    return emulator.github().idToken(audience);
  }

  @Override
  public List<String> leaks() {
    return emulator.leaks().stream().map(String::valueOf).toList();
  }

  @Override
  public void close() {
    emulator.close();
  }

  /** The service provider: starts the emulator with the built-in demo scenario. */
  public static final class Factory implements DemoEmulator.Factory {
    /**
     * The property naming SLF4J's provider. The CLI sets it to the production jar's provider (slf4j-nop) to spare
     * every start SLF4J's search of the class path. WireMock carries SLF4J relocated to {@code wiremock.org.slf4j},
     * which reads the same property (a string, not relocated) and rejects a provider of the other SLF4J with a
     * stack trace on stderr.
     */
    static final String SLF4J_PROVIDER = "slf4j.provider";

    @Override
    public DemoEmulator start(Duration provisioning, Duration propagation, Duration floor, Path keyCache) {
      Hazards hazards = Hazards.none().withProvisioningDelay(provisioning).withPropagationDelay(propagation)
          .withMinimumActiveDuration(floor);
      // Hidden while WireMock starts, when its SLF4J reads it, once: it then finds no provider of its own and
      // stays silent (the CLI keeps SLF4J's own notices at ERROR).
      String provider = System.clearProperty(SLF4J_PROVIDER);
      try {
        return new EmbeddedDemoEmulator(PimEmulator.builder().port(0).scenario(Scenario.demo()).hazards(hazards)
            .signingKeyCache(keyCache).start());
      } finally {
        if (provider != null) {
          System.setProperty(SLF4J_PROVIDER, provider);
        }
      }
    }
  }
}
