package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.InvalidElevationRequestException;
import java.util.regex.Pattern;

/** A Key Vault secret name: 1 to 127 letters, digits and hyphens. Validated when the rotation is built. */
record SecretName(String value) {
  private static final Pattern NAME = Pattern.compile("^[0-9a-zA-Z-]{1,127}$");

  SecretName {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidElevationRequestException("secret",
          "'" + printable(value) + "' is not a valid Key Vault secret name.",
          "Use 1 to 127 letters, digits and hyphens, e.g. db-password.");
    }
  }

  private static String printable(String text) {
    if (text == null) {
      return "";
    }
    String cut = text.length() > 130 ? text.substring(0, 130) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  @Override
  public String toString() {
    return value;
  }
}
