package dev.jitelevate.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An Entra object id (GUID) of a user, group, service principal or managed identity. */
public record PrincipalId(String value) {
  static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  public PrincipalId {
    Objects.requireNonNull(value, "value");
    if (!GUID.matcher(value).matches()) {
      throw new InvalidElevationRequestException("principal-id",
          "'" + Text.printable(value) + "' is not an object id.",
          "Pass the principal's object id, a GUID such as 00000000-0000-0000-0000-000000000000.");
    }
    value = value.toLowerCase(Locale.ROOT);
  }

  public static PrincipalId of(String value) {
    return new PrincipalId(value == null ? "" : value.trim());
  }

  static boolean isGuid(String text) {
    return text != null && GUID.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
