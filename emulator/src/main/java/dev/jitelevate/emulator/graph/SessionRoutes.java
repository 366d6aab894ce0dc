package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;
import dev.jitelevate.emulator.kernel.SignInSessions;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /users/{id | userPrincipalName}/revokeSignInSessions} (and {@code /me/...}): resets the user's
 * {@code signInSessionsValidFromDateTime} to now, after which the token endpoint refuses the refresh tokens issued
 * before (AADSTS50173). Access tokens already issued stay valid until their {@code exp}, as in Entra.
 * An app needs User.RevokeSessions.All, User.ReadWrite.All or Directory.ReadWrite.All; a user may revoke their own
 * sessions, and another user's with one of those delegated permissions and an administrator directory role.
 */
final class SessionRoutes {
  static final Permission REVOKE_SESSIONS = new Permission(
      Set.of("User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"),
      Set.of("User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"));
  /** Roles that may revoke another user's sessions: User, Helpdesk and Privileged Authentication Administrator, Global Administrator. */
  private static final Set<String> SESSION_ADMIN_ROLES = Set.of("fe930be7-5e62-47db-91af-98c3a49a38b1",
      "729827e3-9c14-49f7-bb1b-9608f156bbb8", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", DirectoryRole.GLOBAL_ADMINISTRATOR);
  private final GraphTenant tenant;

  SessionRoutes(GraphTenant tenant) {
    this.tenant = tenant;
  }

  boolean owns(GraphCall call) {
    int action = call.is(0, "me") ? 1 : call.is(0, "users") ? 2 : -1;
    if (action < 0 || call.size() != action + 1) {
      return false;
    }
    String name = call.segment(action).toLowerCase(Locale.ROOT);
    return name.equals("revokesigninsessions") || name.equals("microsoft.graph.revokesigninsessions");
  }

  EmulatorResponse handle(GraphCall call) {
    if (!call.method().equals("POST")) {
      throw call.methodNotAllowed();
    }
    Caller caller = call.caller();
    String key = call.is(0, "me") ? caller.objectId() : call.segment(1);
    if (call.is(0, "me") && caller.isApp()) {
      throw GraphException.invalidRequest("/me request is only valid with delegated authentication flow.");
    }
    Principal user = tenant.directory().principals().stream().filter(Principal::isUser)
        .filter(u -> u.id().equalsIgnoreCase(key) || key.equalsIgnoreCase(u.userPrincipalName()))
        .findFirst().orElseThrow(() -> GraphException.resourceNotFound("user", key));
    boolean self = !caller.isApp() && user.id().equalsIgnoreCase(caller.objectId());
    if (!self) {
      GraphAuth.require(caller, REVOKE_SESSIONS);
      if (!caller.isApp() && caller.wids().stream().noneMatch(w -> SESSION_ADMIN_ROLES.contains(w.toLowerCase(Locale.ROOT)))) {
        throw GraphException.denied();
      }
    }
    tenant.context.require(SignInSessions.class).revoke(user.id(), tenant.now());
    return EmulatorResponse.json(200, Json.object().put("@odata.context", call.context("Edm.Boolean")).put("value", true));
  }
}
