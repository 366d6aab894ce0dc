package dev.jitelevate.core.keyvault;

import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/** Undoes one rotated secret as the {@link RollbackMode} says, and describes what it did (never values). */
final class Rollback {
  static final String RESTORED_FROM_TAG = "jit-elevate-restored-from";

  private Rollback() {}

  /**
   * What one undo did.
   *
   * @param description for the record, never a value
   * @param currentVersion the version current afterwards (empty: no enabled version is left)
   */
  record Undone(String description, java.util.Optional<String> currentVersion) {}

  static Undone undo(VaultSecrets vault, RotatedSecret rotated, RollbackMode mode) {
    return switch (mode) {
      case NONE -> new Undone("none: new version " + rotated.newVersion() + " left in place",
          java.util.Optional.of(rotated.newVersion()));
      case DISABLE_NEW -> disable(vault, rotated, "DISABLE_NEW");
      case RESTORE_PREVIOUS -> rotated.previous().exists() ? restore(vault, rotated)
          : disable(vault, rotated, "RESTORE_PREVIOUS: the secret was created by this run, so there is no previous value;");
    };
  }

  /**
   * Disables the new version: Key Vault then serves the latest enabled version again, the previous one (or none,
   * for a secret this run created).
   */
  private static Undone disable(VaultSecrets vault, RotatedSecret rotated, String mode) {
    vault.disable(rotated.name(), rotated.newVersion());
    SecretState previous = rotated.previous();
    return new Undone(mode + " disabled new version " + rotated.newVersion(),
        previous.exists() ? java.util.Optional.of(previous.version()) : java.util.Optional.empty());
  }

  private static Undone restore(VaultSecrets vault, RotatedSecret rotated) {
    SecretState previous = rotated.previous();
    Map<String, String> tags = new LinkedHashMap<>(previous.tags());
    tags.put(RESTORED_FROM_TAG, previous.version());
    KeyVaultSecret secret = new KeyVaultSecret(previous.name().value(), previous.value())
        .setProperties(new SecretProperties().setContentType(previous.contentType()).setTags(tags).setEnabled(true));
    String restoredAs = vault.write(previous.name(), secret);
    return new Undone("RESTORE_PREVIOUS: the previous value (version " + previous.version() + ") was written again as version "
        + restoredAs, java.util.Optional.of(restoredAs));
  }
}
