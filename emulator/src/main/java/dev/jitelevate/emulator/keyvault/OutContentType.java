package dev.jitelevate.emulator.keyvault;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code outContentType} query parameter of Get Secret, new in api-version 2025-07-01: asks the service to
 * convert a certificate's PFX to PEM. Only the two media types of the spec's {@code ContentType} enum are
 * accepted; the service rejects any other. The emulator holds no certificate-backed secrets, so a valid value
 * leaves the plain secret it serves unchanged.
 */
final class OutContentType {
  static final String API_VERSION = "2025-07-01";
  static final Set<String> MEDIA_TYPES = Set.of("application/x-pkcs12", "application/x-pem-file");

  private OutContentType() {}

  /** The refusal for an unsupported {@code outContentType}, if the call's api-version knows the parameter. */
  static Optional<String> refusal(KvCall call) {
    if (!API_VERSION.equals(call.apiVersion())) {
      return Optional.empty();
    }
    return call.request().queryParam("outContentType")
        .filter(type -> !MEDIA_TYPES.contains(type))
        .map(type -> "The specified outContentType (" + type + ") is not supported. Use application/x-pkcs12 "
            + "or application/x-pem-file, or leave it out to get the secret as stored.");
  }
}
