package dev.jitelevate.emulator.entra;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code scope} parameter: one resource's {@code /.default} (or delegated) scope plus OIDC scopes. */
record Scopes(String raw, List<String> values) {
  private static final Set<String> OIDC = Set.of("openid", "profile", "offline_access", "email");

  static Scopes parse(String raw) {
    return new Scopes(raw, Arrays.stream(raw.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
  }

  /** The resource scope (the first one that is not an OIDC scope). */
  Optional<String> resourceScope() {
    return values.stream().filter(s -> !OIDC.contains(s)).findFirst();
  }

  boolean isDefault() {
    return resourceScope().map(s -> s.endsWith("/.default")).orElse(false);
  }

  /**
   * The token audience: the resource scope without {@code /.default} or the permission name; a bare permission
   * name ({@code User.Read}) is Microsoft Graph's, as Entra reads it.
   */
  Optional<String> audience() {
    return resourceScope().map(s -> {
      if (!s.contains("/") && s.contains(".")) {
        return Consents.GRAPH;
      }
      if (s.endsWith("/.default")) {
        return s.substring(0, s.length() - "/.default".length());
      }
      int slash = s.lastIndexOf('/');
      return slash > "https://".length() ? s.substring(0, slash) : s;
    });
  }

  /** The permissions asked for, without their resource prefix ({@code .default} included as such). */
  List<String> permissions() {
    return values.stream().filter(s -> !OIDC.contains(s))
        .map(s -> s.contains("://") ? s.substring(s.lastIndexOf('/') + 1) : s.replaceFirst("^/", ""))
        .filter(s -> !s.isEmpty()).toList();
  }

  boolean has(String scope) {
    return values.contains(scope);
  }
}
