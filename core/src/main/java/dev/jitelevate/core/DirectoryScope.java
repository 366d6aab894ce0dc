package dev.jitelevate.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** A directory scope for an Entra role: the whole tenant ({@code /}) or an administrative unit. */
public record DirectoryScope(String value) {
  private static final Pattern UNIT = Pattern.compile("^/administrativeUnits/[0-9a-fA-F-]{36}$");

  public DirectoryScope {
    Objects.requireNonNull(value, "value");
    if (!"/".equals(value) && !UNIT.matcher(value).matches()) {
      throw new InvalidElevationRequestException("scope", "'" + Text.printable(value) + "' is not a directory scope.",
          "Use / for the whole tenant or /administrativeUnits/{id}.");
    }
  }

  /** The whole tenant. */
  public static DirectoryScope tenant() {
    return new DirectoryScope("/");
  }

  public static DirectoryScope parse(String text) {
    return text == null || text.isBlank() ? tenant() : new DirectoryScope(text.trim());
  }

  @Override
  public String toString() {
    return value;
  }
}
