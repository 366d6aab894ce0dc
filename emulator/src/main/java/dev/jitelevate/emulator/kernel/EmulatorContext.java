package dev.jitelevate.emulator.kernel;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every surface shares: the clock, the current hazards, the emulator's public base URL and a small
 * registry through which surfaces find each other's services ({@link Directory}, {@link TokenValidator},
 * {@link AccessEvaluator}, {@link ClaimsSource}) without knowing each other's classes.
 */
public final class EmulatorContext {
  private final EmulatorClock clock;
  private final AtomicReference<Hazards> hazards;
  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
  private volatile String baseUrl = "https://127.0.0.1/";

  public EmulatorContext(EmulatorClock clock, Hazards hazards) {
    this.clock = Objects.requireNonNull(clock);
    this.hazards = new AtomicReference<>(Objects.requireNonNull(hazards));
  }

  public EmulatorClock clock() {
    return clock;
  }

  public Hazards hazards() {
    return hazards.get();
  }

  public void hazards(Hazards updated) {
    hazards.set(Objects.requireNonNull(updated));
  }

  /** The emulator's base URL with a trailing slash, e.g. {@code https://127.0.0.1:8443/}. */
  public String baseUrl() {
    return baseUrl;
  }

  public void baseUrl(String url) {
    this.baseUrl = url.endsWith("/") ? url : url + "/";
  }

  /** Registers the implementation of a shared service; a surface calls this in its constructor. */
  public <T> void register(Class<T> type, T implementation) {
    services.put(type, type.cast(implementation));
  }

  /** A shared service when one is registered, e.g. an optional one the builder provides. */
  public <T> Optional<T> find(Class<T> type) {
    return Optional.ofNullable(services.get(type)).map(type::cast);
  }

  /**
   * Returns a shared service.
   *
   * @throws IllegalStateException when no surface registered it
   */
  public <T> T require(Class<T> type) {
    Object service = services.get(type);
    if (service == null) {
      throw new IllegalStateException("No surface provides " + type.getSimpleName());
    }
    return type.cast(service);
  }
}
