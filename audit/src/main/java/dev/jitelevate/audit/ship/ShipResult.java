package dev.jitelevate.audit.ship;

import dev.jitelevate.audit.Records;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Shipper#ship} did: the files whose rows the service accepted, the files it refused (with
 * the service's answer), and the files that were not records (reported by {@link Records#read}).
 */
public record ShipResult(List<Path> shipped, List<Refused> refused, List<Records.Skipped> skipped) {
  public ShipResult {
    shipped = List.copyOf(shipped);
    refused = List.copyOf(refused);
    skipped = List.copyOf(skipped);
  }

  /**
   * A file whose row the service refused.
   *
   * @param file the record file
   * @param status the HTTP status of the refusal
   * @param code the service's error code, or empty text
   * @param requestId the service's {@code x-ms-request-id}, or empty text
   * @param message the service's message, one line
   */
  public record Refused(Path file, int status, String code, String requestId, String message) {
    public Refused {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(message, "message");
    }
  }

  /** True when every record was shipped and no file was skipped. */
  public boolean complete() {
    return refused.isEmpty() && skipped.isEmpty();
  }
}
