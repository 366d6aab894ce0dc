package dev.jitelevate.audit.ship;

/**
 * Nothing could be shipped: the endpoint cannot be reached, or signing in for it failed. The message names
 * the endpoint and says what to check; it never holds a token.
 */
public final class ShipException extends RuntimeException {
  private final String endpoint;

  public ShipException(String endpoint, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
  }

  /** The endpoint that could not be used. */
  public String endpoint() {
    return endpoint;
  }
}
