package dev.jitelevate.emulator.keyvault;

import dev.jitelevate.emulator.kernel.AccessEvaluator;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.TokenValidator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Key Vault's front door: the challenge-based 401 that the SDKs' {@code KeyVaultCredentialPolicy} expects,
 * token validation for the {@code https://vault.azure.net} audience, and RBAC data-action checks (whose
 * propagation delay lives in the {@link AccessEvaluator}).
 */
final class KeyVaultGate {
  static final String RESOURCE = "https://vault.azure.net";
  static final Set<String> AUDIENCES = Set.of(RESOURCE, RESOURCE + "/");

  private final EmulatorContext context;

  /** The caller when authenticated, else the refusal to answer with. */
  record Admission(Caller caller, EmulatorResponse refusal) {}

  KeyVaultGate(EmulatorContext context) {
    this.context = context;
  }

  /** Authenticates the bearer token, or refuses with a 401 carrying the challenge. */
  Admission authenticate(EmulatorRequest request) {
    Optional<String> token = request.bearerToken().filter(t -> !t.isEmpty());
    if (token.isEmpty()) {
      return new Admission(null, challenge(KeyVaultErrors.missingToken()));
    }
    Optional<Caller> caller = context.require(TokenValidator.class).validate(token.get(), AUDIENCES);
    return caller
        .map(c -> new Admission(c, null))
        .orElseGet(() -> new Admission(null, challenge(KeyVaultErrors.invalidToken())));
  }

  /**
   * Checks a data action on the vault's scope.
   *
   * @param secretName the secret the request is about, or null for vault-wide operations (lists)
   * @return the 403 {@code ForbiddenByRbac} to answer with, or empty when allowed
   */
  Optional<EmulatorResponse> authorize(Caller caller, Vault vault, String dataAction, String secretName) {
    if (context.require(AccessEvaluator.class).allowsDataAction(caller.objectId(), vault.scope(), dataAction)) {
      return Optional.empty();
    }
    String resource = (vault.scope() + (secretName == null ? "" : "/secrets/" + secretName)).toLowerCase(Locale.ROOT);
    return Optional.of(KeyVaultErrors.forbiddenByRbac(caller, issuer(), dataAction, resource, vault));
  }

  private EmulatorResponse challenge(EmulatorResponse unauthorized) {
    String authorization = context.baseUrl() + tenantId();
    return unauthorized.withHeader(
        "WWW-Authenticate", "Bearer authorization=\"" + authorization + "\", resource=\"" + RESOURCE + "\"");
  }

  private String issuer() {
    return "https://sts.windows.net/" + tenantId() + "/";
  }

  private String tenantId() {
    return context.require(Directory.class).tenantId();
  }
}
