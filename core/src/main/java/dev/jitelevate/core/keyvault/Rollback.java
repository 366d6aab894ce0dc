package dev.jitelevate.core.keyvault;

import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/** Undoes one rotated secret as the {@link RollbackMode} says, and describes what it did (never values). */
final class Rollback {
  static final String RESTORED_FROM_TAG = "jit-elevate-restored-from";

  private Rollback() {}

  static String undo(VaultSecrets vault, RotatedSecret rotated, RollbackMode mode) {
    return switch (mode) {
      case NONE -> "none: new version " + rotated.newVersion() + " left in place";
      case DISABLE_NEW -> disable(vault, rotated, "DISABLE_NEW");
      case RESTORE_PREVIOUS -> rotated.previous().exists() ? restore(vault, rotated)
          : disable(vault, rotated, "RESTORE_PREVIOUS: the secret was created by this run, so there is no previous value;");
    };
  }

  private static String disable(VaultSecrets vault, RotatedSecret rotated, String mode) {
    vault.disable(rotated.name(), rotated.newVersion());
    return mode + " disabled new version " + rotated.newVersion();
  }

  private static String restore(VaultSecrets vault, RotatedSecret rotated) {
    SecretState previous = rotated.previous();
    Map<String, String> tags = new LinkedHashMap<>(previous.tags());
    tags.put(RESTORED_FROM_TAG, previous.version());
    KeyVaultSecret secret = new KeyVaultSecret(previous.name().value(), previous.value())
        .setProperties(new SecretProperties().setContentType(previous.contentType()).setTags(tags).setEnabled(true));
    String restoredAs = vault.write(previous.name(), secret);
    return "RESTORE_PREVIOUS: the previous value (version " + previous.version() + ") was written again as version "
        + restoredAs;
  }
}
