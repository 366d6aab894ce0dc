package dev.jitelevate.core.keyvault;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.PagedResponse;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.OperationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One vault through the unmodified {@link SecretClient}, built on the operation's HTTP client and a fresh
 * credential. SDK failures become {@link ElevationException}s that keep the Key Vault code and request id.
 *
 * <p>The SDK derives a secret's name and version from fixed positions of its id's path, which is wrong for
 * vault URLs with a path (the emulator's {@code /kv/{vault}/}); this class reads versions from the id's last
 * segment instead, and addresses a version by name and version it already knows.
 */
final class VaultSecrets {
  private final SecretClient client;
  private final String vaultUrl;

  private VaultSecrets(SecretClient client, String vaultUrl) {
    this.client = client;
    this.vaultUrl = vaultUrl;
  }

  static VaultSecrets connect(OperationContext context, VaultAddress address) {
    return connect(context.credentials(), context.httpClient(), address);
  }

  static VaultSecrets connect(dev.jitelevate.core.CredentialSource credentials, com.azure.core.http.HttpClient http,
      VaultAddress address) {
    SecretClientBuilder builder = new SecretClientBuilder()
        .vaultUrl(address.url().toString())
        .credential(credentials.newCredential())
        .httpClient(http);
    if (!address.verifyChallengeResource()) {
      builder.disableChallengeResourceVerification();
    }
    return new VaultSecrets(builder.buildClient(), address.url().toString());
  }

  String vaultUrl() {
    return vaultUrl;
  }

  /** Fetches the first page of a secret's versions (metadata only); an empty list when it has none. */
  List<SecretProperties> firstVersionsPage(SecretName name) {
    return call("listing the versions of secret '" + name + "'", () -> {
      Iterator<PagedResponse<SecretProperties>> pages =
          client.listPropertiesOfSecretVersions(name.value()).iterableByPage().iterator();
      return pages.hasNext() ? pages.next().getValue() : List.<SecretProperties>of();
    });
  }

  /**
   * Reads the latest version; its value is kept only when {@code keepValue}.
   *
   * @throws ElevationException when the latest version is disabled, or Key Vault refuses
   */
  SecretState current(SecretName name, boolean keepValue) {
    try {
      KeyVaultSecret latest = client.getSecret(name.value());
      return new SecretState(name, true, versionOf(latest.getId()), keepValue ? latest.getValue() : null,
          latest.getProperties().getContentType(), latest.getProperties().getTags());
    } catch (HttpResponseException e) {
      KeyVaultError error = KeyVaultError.of(e);
      if (error.is(404, "SecretNotFound")) {
        return SecretState.missing(name);
      }
      if (error.is(403, "SecretDisabled")) {
        throw new ElevationException(FailureKind.OPERATION_FAILED, "The latest version of secret '" + name + "' in "
            + vaultUrl + " is disabled, so it is not rotated and nothing was written. Enable it (or delete the "
            + "secret) if it should be rotated.", error.specificCode(), error.requestId(), error.status(), e);
      }
      throw error.toException("Key Vault: reading secret '" + name + "' in " + vaultUrl, e);
    } catch (RuntimeException e) {
      throw unreachable("reading secret '" + name + "'", e);
    }
  }

  /**
   * Reads one version with its value (to write it again when restoring it).
   *
   * @throws ElevationException when Key Vault refuses
   */
  SecretState version(SecretName name, String version) {
    KeyVaultSecret secret = call("reading version " + version + " of secret '" + name + "'",
        () -> client.getSecret(name.value(), version));
    return new SecretState(name, true, version, secret.getValue(), secret.getProperties().getContentType(),
        secret.getProperties().getTags());
  }

  /** Writes a new version and returns its version id. */
  String write(SecretName name, KeyVaultSecret secret) {
    KeyVaultSecret written = call("writing a new version of secret '" + name + "'", () -> client.setSecret(secret));
    return versionOf(written.getId());
  }

  /** Disables one version. */
  void disable(SecretName name, String version) {
    SecretProperties properties = reference(name.value(), version).setEnabled(false);
    call("disabling version " + version + " of secret '" + name + "'", () -> client.updateSecretProperties(properties));
  }

  /** Runs an SDK call, turning its failures into {@link ElevationException}s. */
  <T> T call(String attempted, Supplier<T> sdkCall) {
    try {
      return sdkCall.get();
    } catch (HttpResponseException e) {
      throw KeyVaultError.of(e).toException("Key Vault: " + attempted + " in " + vaultUrl, e);
    } catch (ElevationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreachable(attempted, e);
    }
  }

  private ElevationException unreachable(String attempted, RuntimeException e) {
    return new ElevationException(FailureKind.SERVICE_UNAVAILABLE, "Key Vault: " + attempted + " in " + vaultUrl
        + " failed: " + describe(e) + ". Check the vault URL and that this machine can reach it.", null, null, 0, e);
  }

  /** The version id at the end of a secret id {@code .../secrets/{name}/{version}}. */
  static String versionOf(String id) {
    String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Properties that address one version; the SDK takes name and version from the id's first path segments. */
  static SecretProperties reference(String name, String version) {
    String json = "{\"id\":\"https://vault.invalid/secrets/" + name + "/" + version + "\"}";
    try (JsonReader reader = JsonProviders.createReader(json)) {
      return SecretProperties.fromJson(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
  }
}
