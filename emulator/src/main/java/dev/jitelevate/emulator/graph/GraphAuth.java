package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.TokenValidator;
import java.util.Set;

/**
 * Authenticates Graph callers and authorises them the way Graph does: app tokens by their {@code roles},
 * delegated tokens by their {@code scp} and, for admin actions, by the directory roles in the token's
 * {@code wids} — a snapshot taken when the token was issued.
 */
final class GraphAuth {
  private static final Set<String> ADMIN_ROLES =
      Set.of(DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR, DirectoryRole.GLOBAL_ADMINISTRATOR);
  private final EmulatorContext context;

  GraphAuth(EmulatorContext context) {
    this.context = context;
  }

  /**
   * Returns the caller of a request.
   *
   * @throws GraphException 401 {@code InvalidAuthenticationToken} when the token is missing or invalid
   */
  Caller authenticate(EmulatorRequest request) {
    String token = request.bearerToken().filter(t -> !t.isBlank())
        .orElseThrow(() -> new GraphException(401, "InvalidAuthenticationToken", "Access token is empty."));
    return context.require(TokenValidator.class).validate(token, audiences())
        .orElseThrow(() -> new GraphException(401, "InvalidAuthenticationToken",
            "Access token validation failure. Invalid audience, signature or lifetime."));
  }

  private Set<String> audiences() {
    String base = context.baseUrl();
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return Set.of("https://graph.microsoft.com", "https://graph.microsoft.com/",
        "00000003-0000-0000-c000-000000000000", base, trimmed);
  }

  /**
   * Requires one of the permissions an operation accepts.
   *
   * @throws GraphException 403 {@code Authorization_RequestDenied} otherwise
   */
  static void require(Caller caller, Permission permission) {
    Set<String> granted = caller.isApp() ? caller.roles() : caller.scopes();
    Set<String> accepted = caller.isApp() ? permission.application() : permission.delegated();
    if (granted.stream().noneMatch(g -> accepted.stream().anyMatch(a -> a.equalsIgnoreCase(g)))) {
      throw GraphException.denied();
    }
  }

  /** Whether a delegated caller's token carries an administrator directory role (apps: their permission suffices). */
  static boolean actsAsAdmin(Caller caller) {
    return caller.isApp() || caller.wids().stream().anyMatch(w -> ADMIN_ROLES.contains(w.toLowerCase()));
  }
}
