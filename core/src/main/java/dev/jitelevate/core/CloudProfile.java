package dev.jitelevate.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a cloud's services live: the Entra authority, ARM, Graph and Key Vault endpoints with the token
 * audiences they accept, and an optional extra CA to trust (a TLS-inspecting proxy, Azure Stack, the
 * emulator). Public Azure is the default; {@link #load(Path)} reads the profile JSON format documented in
 * {@code docs/cloud-profile.md}, which the emulator writes with {@code --profile-out}.
 *
 * @param name a label for messages and records ({@code AzureCloud}, {@code jit-emulator}, ...)
 * @param authorityHost the Entra authority host, e.g. {@code https://login.microsoftonline.com/}
 * @param resourceManagerEndpoint ARM, e.g. {@code https://management.azure.com/}
 * @param resourceManagerAudience the audience of ARM tokens, e.g. {@code https://management.azure.com/}
 * @param graphEndpoint Graph without version, e.g. {@code https://graph.microsoft.com/}
 * @param graphAudience the audience of Graph tokens
 * @param keyVaultAudience the audience of Key Vault tokens, e.g. {@code https://vault.azure.net}
 * @param keyVaultUrlTemplate how a vault name becomes its URL: {@code https://{vault}.vault.azure.net/}
 * @param caCertificatePem PEM of an extra CA to trust besides the JDK's, when present
 * @param defaultTenantId the tenant to use when none is given (the emulator's), when present
 */
public record CloudProfile(
    String name,
    URI authorityHost,
    URI resourceManagerEndpoint,
    String resourceManagerAudience,
    URI graphEndpoint,
    String graphAudience,
    String keyVaultAudience,
    String keyVaultUrlTemplate,
    Optional<String> caCertificatePem,
    Optional<String> defaultTenantId) {

  public CloudProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(authorityHost, "authorityHost");
    Objects.requireNonNull(resourceManagerEndpoint, "resourceManagerEndpoint");
    Objects.requireNonNull(resourceManagerAudience, "resourceManagerAudience");
    Objects.requireNonNull(graphEndpoint, "graphEndpoint");
    Objects.requireNonNull(graphAudience, "graphAudience");
    Objects.requireNonNull(keyVaultAudience, "keyVaultAudience");
    Objects.requireNonNull(keyVaultUrlTemplate, "keyVaultUrlTemplate");
    Objects.requireNonNull(caCertificatePem, "caCertificatePem");
    Objects.requireNonNull(defaultTenantId, "defaultTenantId");
    if (!keyVaultUrlTemplate.contains("{vault}")) {
      throw new IllegalArgumentException("keyVaultUrlTemplate must contain {vault}: " + keyVaultUrlTemplate);
    }
  }

  /** Azure public cloud. */
  public static CloudProfile azurePublic() {
    return CloudProfiles.AZURE_PUBLIC;
  }

  /** Azure operated by 21Vianet (China). */
  public static CloudProfile azureChina() {
    return CloudProfiles.AZURE_CHINA;
  }

  /** Azure US Government. */
  public static CloudProfile azureUsGovernment() {
    return CloudProfiles.AZURE_US_GOVERNMENT;
  }

  /**
   * Returns a well-known cloud by the names azure/login accepts ({@code azurecloud}, {@code azurechinacloud},
   * {@code azureusgovernment}), case-insensitively.
   *
   * @throws InvalidElevationRequestException naming the accepted values when the name is unknown
   */
  public static CloudProfile named(String environment) {
    return CloudProfiles.named(environment);
  }

  /**
   * Reads a cloud profile JSON file.
   *
   * @throws InvalidElevationRequestException when the file is missing, not JSON, or lacks a required field
   */
  public static CloudProfile load(Path file) {
    return CloudProfiles.load(file);
  }

  /** Parses cloud profile JSON text. */
  public static CloudProfile parse(String json) {
    return CloudProfiles.parse(json, "<text>");
  }

  /** Returns the URL of a Key Vault by name, e.g. {@code https://kv-prod.vault.azure.net/}. */
  public URI vaultUrl(String vaultName) {
    return URI.create(keyVaultUrlTemplate.replace("{vault}", vaultName));
  }
}
