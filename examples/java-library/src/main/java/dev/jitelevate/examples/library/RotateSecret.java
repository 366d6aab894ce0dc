package dev.jitelevate.examples.library;

import com.azure.core.exception.HttpResponseException;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A privileged operation written against the core's SPI: writes a new random version of one Key Vault
 * secret with the elevated identity. Its probe reads the secret's metadata, so the lifecycle only runs
 * {@link #perform} once the role really works on the Key Vault data plane (RBAC propagation).
 */
public final class RotateSecret implements PrivilegedOperation {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String vault;
  private final String secretName;

  public RotateSecret(String vault, String secretName) {
    this.vault = vault;
    this.secretName = secretName;
  }

  @Override
  public String name() {
    return "rotate-secret";
  }

  @Override
  public void perform(OperationContext context) {
    String value = newValue();
    context.registerSecret(value); // before the value goes anywhere else
    if (context.dryRun()) {
      context.note("wouldRotate", secretName);
      return;
    }
    KeyVaultSecret written = client(context).setSecret(secretName, value);
    context.note("secret", secretName);
    context.note("version", version(written));
  }

  @Override
  public Optional<AccessProbe> probe(OperationContext context) {
    return Optional.of(ctx -> {
      try {
        client(ctx).getSecret(secretName).getProperties().getVersion();
        return AccessProbe.Result.EFFECTIVE;
      } catch (HttpResponseException e) {
        if (e.getResponse() != null && e.getResponse().getStatusCode() == 403) {
          return AccessProbe.Result.NOT_YET; // ForbiddenByRbac while the assignment propagates
        }
        throw e;
      }
    });
  }

  private SecretClient client(OperationContext context) {
    URI url = context.cloud().vaultUrl(vault);
    SecretClientBuilder builder = new SecretClientBuilder()
        .vaultUrl(url.toString())
        .credential(context.credentials().newCredential())
        .httpClient(context.httpClient());
    // The SDK checks that Key Vault's challenge names a host under the audience's domain (vault.azure.net);
    // a cloud profile whose vault URLs live elsewhere (the emulator, a custom DNS name) cannot pass that check.
    String audienceHost = URI.create(context.cloud().keyVaultAudience()).getHost();
    if (!url.getHost().endsWith("." + audienceHost)) {
      builder.disableChallengeResourceVerification();
    }
    return builder.buildClient();
  }

  /**
   * The version written: the last segment of the secret's id. ({@code getProperties().getVersion()} assumes the
   * vault sits at its host's root, which a cloud profile's vault URL need not.)
   */
  private static String version(KeyVaultSecret written) {
    String id = written.getId();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static String newValue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
