package dev.jitelevate.emulator.kernel;

/**
 * A request a surface refuses with the real service's HTTP status and error code; each surface renders it in
 * its own envelope (ARM's {@code {"error":{"code","message"}}}, Graph's OData error with {@code innerError}).
 */
public class SurfaceException extends RuntimeException {
  private final int status;
  private final String code;

  /**
   * Creates a refusal.
   *
   * @param status the HTTP status the service answers with
   * @param code the service's error code
   * @param message the service's message text
   */
  public SurfaceException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the service's error code. */
  public String code() {
    return code;
  }
}
