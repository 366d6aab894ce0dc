package dev.jitelevate.emulator.kernel;

import java.util.Optional;
import java.util.Set;

/** Validates access tokens the emulator's Entra endpoint issued. Provided by the Entra surface. */
public interface TokenValidator {

  /**
   * Validates signature, expiry and audience.
   *
   * @param bearerToken the raw JWT
   * @param acceptedAudiences audiences this surface accepts (e.g. {@code https://management.azure.com/} and
   *     the emulator's own base URL)
   * @return the caller, or empty when the token is missing, malformed, expired or for another audience
   */
  Optional<Caller> validate(String bearerToken, Set<String> acceptedAudiences);
}
