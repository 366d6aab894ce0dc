package dev.jitelevate.core.keyvault;

import com.azure.core.exception.HttpResponseException;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the secrets of a vault that need rotating, from their metadata alone: it lists the secrets (every page)
 * and never reads a value, so it needs only the data action {@value #LIST_ACTION} (e.g. the Key Vault Reader
 * role on the vault; the List permission for secrets on a vault with access policies), no elevation.
 */
public final class StaleSecrets {
  /** The Key Vault data action that listing needs. */
  public static final String LIST_ACTION = "Microsoft.KeyVault/vaults/secrets/readMetadata/action";

  private StaleSecrets() {}

  /**
   * Lists the vault's secrets and returns the stale ones.
   *
   * @param vault the vault's name (resolved through the cloud profile) or https URL
   * @param identity who lists: needs {@value #LIST_ACTION} on the vault
   * @throws dev.jitelevate.core.InvalidElevationRequestException when the vault is neither a name nor a URL of
   *     the cloud's vaults
   * @throws ElevationException NOT_AUTHORIZED naming the missing permission when Key Vault answers 403, and
   *     otherwise with Key Vault's code and request id
   */
  public static StaleSecretsReport find(String vault, CloudProfile cloud, CredentialSource identity,
      StalenessPolicy policy, Instant now) {
    VaultAddress.validate(vault);
    VaultAddress address = VaultAddress.resolve(vault, cloud);
    SecretClientBuilder builder = new SecretClientBuilder().vaultUrl(address.url().toString())
        .credential(identity.newCredential()).httpClient(SdkHttp.forCloud(cloud).azureHttpClient());
    if (!address.verifyChallengeResource()) {
      builder.disableChallengeResourceVerification();
    }
    List<Listed> listed = list(builder.buildClient(), address);
    return classify(address, listed, policy, now);
  }

  /** A listed secret's metadata. */
  record Listed(String name, boolean enabled, boolean managed, Instant created, Optional<Instant> updated,
      Optional<Instant> expires, Optional<String> contentType, Map<String, String> tags) {}

  static StaleSecretsReport classify(VaultAddress address, List<Listed> listed, StalenessPolicy policy, Instant now) {
    List<StaleSecret> stale = new ArrayList<>();
    List<StaleSecretsReport.Ignored> ignored = new ArrayList<>();
    for (Listed secret : listed) {
      List<StaleSecret.Reason> reasons = StaleReasons.of(secret.created(), secret.expires(), policy, now);
      if (reasons.isEmpty()) {
        continue;
      }
      if (secret.managed()) {
        ignored.add(new StaleSecretsReport.Ignored(secret.name(), "it is managed by a Key Vault certificate: "
            + "renew the certificate instead"));
      } else if (!secret.enabled()) {
        ignored.add(new StaleSecretsReport.Ignored(secret.name(), "its current version is disabled: enable it to "
            + "rotate it, or delete it if it is no longer used"));
      } else {
        stale.add(new StaleSecret(secret.name(), true, secret.created(), secret.updated(), secret.expires(),
            secret.contentType(), secret.tags(), reasons));
      }
    }
    return new StaleSecretsReport(address.url(), now, policy, listed.size(), stale, ignored);
  }

  private static List<Listed> list(SecretClient client, VaultAddress address) {
    try {
      List<Listed> listed = new ArrayList<>();
      for (SecretProperties p : client.listPropertiesOfSecrets()) {
        listed.add(new Listed(VaultSecrets.versionOf(p.getId()), !Boolean.FALSE.equals(p.isEnabled()),
            Boolean.TRUE.equals(p.isManaged()), instant(p.getCreatedOn()).orElse(Instant.EPOCH),
            instant(p.getUpdatedOn()), instant(p.getExpiresOn()), Optional.ofNullable(p.getContentType()),
            p.getTags() == null ? Map.of() : p.getTags()));
      }
      return listed;
    } catch (HttpResponseException e) {
      KeyVaultError error = KeyVaultError.of(e);
      if (error.status() == 403) {
        throw new ElevationException(FailureKind.NOT_AUTHORIZED, "Key Vault refused to list the secrets of "
            + address.url() + " (HTTP 403 " + error.specificCode() + "): the identity needs the data action "
            + LIST_ACTION + " on the vault (e.g. the Key Vault Reader role; for a vault with access policies, the "
            + "List permission for secrets). Listing needs no elevation.", error.specificCode(), error.requestId(),
            403, e);
      }
      throw error.toException("Key Vault: listing the secrets of " + address.url(), e);
    } catch (ElevationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ElevationException(FailureKind.SERVICE_UNAVAILABLE, "Key Vault: listing the secrets of "
          + address.url() + " failed (" + e.getClass().getSimpleName() + "). Check the vault URL and that this "
          + "machine can reach it.", null, null, 0, e);
    }
  }

  private static Optional<Instant> instant(OffsetDateTime time) {
    return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
  }
}
