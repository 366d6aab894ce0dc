package dev.jitelevate.core.keyvault;

/**
 * A secret this run wrote a new version of.
 *
 * @param previous the state before (its value kept only for RESTORE_PREVIOUS)
 * @param newVersion the version id written
 */
record RotatedSecret(SecretState previous, String newVersion) {
  SecretName name() {
    return previous.name();
  }
}
