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
  /**
   * Directory roles that read every PIM schedule, instance and request of the directory (the Graph docs' "least
   * privileged roles" for reads: Global Reader, Security Operator, Security Reader, Security Administrator,
   * Privileged Role Administrator; Global Administrator includes them).
   */
  private static final Set<String> READER_ROLES = Set.of(DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR,
      DirectoryRole.GLOBAL_ADMINISTRATOR, "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
      "5d6b6bb7-de71-4623-b4af-96380a352509", "194ae4cb-b126-40b2-bd5b-6091b380977d");
  /**
   * Directory roles that read every PIM for Groups entity (the Graph docs' supported roles: Global Reader,
   * Privileged Role Administrator; for groups not assignable to roles also Directory Writers, Groups
   * Administrator, Identity Governance Administrator, User Administrator; Global Administrator includes them).
   */
  private static final Set<String> GROUP_READER_ROLES = Set.of(DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR,
      DirectoryRole.GLOBAL_ADMINISTRATOR, "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "9360feb5-f418-4baa-8175-e2a00bac4301",
      "fdd7a751-b60b-444a-984c-02652fe8fa1c", "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e",
      "fe930be7-5e62-47db-91af-98c3a49a38b1");
  /** Delegated scopes of the PIM for Groups API that read every group's PIM entities. */
  private static final Set<String> GROUP_READ_ALL_SCOPES =
      Set.of("privilegedaccess.read.azureadgroup", "privilegedaccess.readwrite.azureadgroup");
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
   * @throws GraphException 403 {@code Authorization_RequestDenied} otherwise; for a delegated token at PIM for
   *     Groups, 403 {@code UnknownError} around that workload's {@code PermissionScopeNotGranted}
   */
  static void require(Caller caller, Permission permission) {
    Set<String> granted = caller.isApp() ? caller.roles() : caller.scopes();
    Set<String> accepted = caller.isApp() ? permission.application() : permission.delegated();
    if (granted.stream().noneMatch(g -> accepted.stream().anyMatch(a -> a.equalsIgnoreCase(g)))) {
      if (!caller.isApp() && permission.pimForGroupsWorkload()) {
        throw GraphException.permissionScopeNotGranted(accepted);
      }
      throw GraphException.denied();
    }
  }

  /** Whether a caller reads every PIM entity of the directory: an app, or a user whose token carries a reader role. */
  static boolean readsAsAdmin(Caller caller) {
    return caller.isApp() || caller.wids().stream().anyMatch(w -> READER_ROLES.contains(w.toLowerCase()));
  }

  /**
   * Whether a caller reads every PIM for Groups entity: an app, a user with {@code PrivilegedAccess.Read.AzureADGroup}
   * (or ReadWrite) consented, or a user whose token carries a group reader role.
   */
  static boolean readsGroupsAsAdmin(Caller caller) {
    return caller.isApp() || caller.scopes().stream().anyMatch(s -> GROUP_READ_ALL_SCOPES.contains(s.toLowerCase()))
        || caller.wids().stream().anyMatch(w -> GROUP_READER_ROLES.contains(w.toLowerCase()));
  }

  /** Whether a delegated caller's token carries an administrator directory role (apps: their permission suffices). */
  static boolean actsAsAdmin(Caller caller) {
    return caller.isApp() || caller.wids().stream().anyMatch(w -> ADMIN_ROLES.contains(w.toLowerCase()));
  }
}
