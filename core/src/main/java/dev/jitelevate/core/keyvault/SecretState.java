package dev.jitelevate.core.keyvault;

import java.util.Map;

/**
 * A secret's latest version before the rotation, or its absence. Holds the previous value only when a
 * rollback may need to restore it; {@link #toString()} never shows it.
 *
 * @param name the secret
 * @param exists whether it has a version
 * @param version the latest version id, or null
 * @param value the latest value when kept for RESTORE_PREVIOUS, else null
 * @param contentType the latest content type, or null
 * @param tags the latest tags
 */
record SecretState(SecretName name, boolean exists, String version, String value, String contentType,
    Map<String, String> tags) {

  SecretState {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  static SecretState missing(SecretName name) {
    return new SecretState(name, false, null, null, null, Map.of());
  }

  @Override
  public String toString() {
    return "SecretState[name=" + name + ", exists=" + exists + ", version=" + version + ", value=***]";
  }
}
