package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.InvalidElevationRequestException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a vault lives, and whether the SDK may check that Key Vault's authentication challenge names a host
 * under the cloud's Key Vault DNS suffix (it cannot for the emulator or a custom cloud whose vault URLs are
 * not {@code https://{vault}.<suffix>/}).
 *
 * @param url the vault URL
 * @param verifyChallengeResource false when the host is not under the cloud's Key Vault DNS suffix
 */
record VaultAddress(URI url, boolean verifyChallengeResource) {
  private static final Pattern VAULT_NAME = Pattern.compile("^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$");
  private static final String PLACEHOLDER = "{vault}";

  /**
   * Checks a vault name or URL before anything runs.
   *
   * @throws InvalidElevationRequestException when it is neither a valid vault name nor an https URL
   */
  static void validate(String vault) {
    if (vault == null || vault.isBlank()) {
      throw new InvalidElevationRequestException("vault", "No vault was given.",
          "Give the vault's name (e.g. kv-prod) or its URL (e.g. https://kv-prod.vault.azure.net/).");
    }
    if (vault.contains("://")) {
      URI uri = parse(vault);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new InvalidElevationRequestException("vault", "The vault URL '" + vault + "' is not an https URL.",
            "Key Vault is only reachable over https; give e.g. https://kv-prod.vault.azure.net/.");
      }
    } else if (!VAULT_NAME.matcher(vault).matches()) {
      throw new InvalidElevationRequestException("vault", "'" + vault + "' is not a valid Key Vault name.",
          "A vault name has 3 to 24 letters, digits and single hyphens, starts with a letter and ends with a "
              + "letter or digit; or give the vault's https URL.");
    }
  }

  /**
   * Resolves a validated vault name or URL against the cloud.
   *
   * @throws InvalidElevationRequestException when a URL names a host that is not one of the cloud's vaults: the
   *     SDK would hand that host a Key Vault token of the elevated identity
   */
  static VaultAddress resolve(String vault, CloudProfile cloud) {
    URI url = vault.contains("://") ? parse(vault) : cloud.vaultUrl(vault);
    Optional<String> suffix = dnsSuffix(cloud.keyVaultUrlTemplate());
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    boolean verify = suffix.map(host::endsWith).orElse(false);
    if (!verify && !sameOrigin(url, cloud.vaultUrl("v"))) {
      throw new InvalidElevationRequestException("vault", "The vault URL '" + vault + "' is not a Key Vault of this"
          + " cloud (" + cloud.keyVaultUrlTemplate() + ").", "Give the vault's name, or a URL of the form "
          + cloud.keyVaultUrlTemplate() + "; a token for Key Vault is never sent to any other host.");
    }
    return new VaultAddress(url, verify);
  }

  /** Whether the URL has the template's scheme, host and port (clouds whose vaults share one host, by path). */
  private static boolean sameOrigin(URI url, URI template) {
    return "https".equalsIgnoreCase(url.getScheme()) && template.getHost() != null
        && template.getHost().equalsIgnoreCase(url.getHost()) && template.getPort() == url.getPort();
  }

  /** The Key Vault DNS suffix of a template like {@code https://{vault}.vault.azure.net/}: {@code .vault.azure.net}. */
  static Optional<String> dnsSuffix(String template) {
    int start = template.indexOf("://");
    String rest = start < 0 ? template : template.substring(start + 3);
    if (!rest.startsWith(PLACEHOLDER + ".")) {
      return Optional.empty();
    }
    String host = rest.substring(PLACEHOLDER.length()).split("[/:]", 2)[0];
    return Optional.of(host.toLowerCase(Locale.ROOT));
  }

  private static URI parse(String vault) {
    try {
      return URI.create(vault.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidElevationRequestException("vault", "'" + vault + "' is not a valid URL.",
          "Give the vault's https URL, e.g. https://kv-prod.vault.azure.net/.");
    }
  }
}
