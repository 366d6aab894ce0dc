package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Application registrations as {@code jit-elevate doctor} reads them, from the scenario's service principals:
 * {@code /applications/{id}} and {@code /applications(appId='{appId}')}, each with
 * {@code /federatedIdentityCredentials[/{id or name}]}, and the Graph application permissions granted to a service
 * principal, {@code /servicePrincipals/{id}/appRoleAssignments} (also by {@code (appId='…')}). Read-only; authorised
 * as the Graph v1.0 docs list it.
 */
final class ApplicationRoutes {
  /** List/get application and federatedIdentityCredential: Application.Read.All or Application.ReadWrite.All. */
  static final Permission APPLICATIONS_READ = new Permission(
      Set.of("Application.Read.All", "Application.ReadWrite.All"),
      Set.of("Application.Read.All", "Application.ReadWrite.All"));
  /** List appRoleAssignments of a service principal. */
  static final Permission APP_ROLE_ASSIGNMENTS_READ = new Permission(
      Set.of("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
      Set.of("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"));
  private static final Pattern APP_BY_APP_ID = Pattern.compile("(?i)applications\\(appId='([^']+)'\\)");
  private static final Pattern SP_BY_APP_ID = Pattern.compile("(?i)servicePrincipals\\(appId='([^']+)'\\)");
  private static final String CREDENTIALS = "federatedIdentityCredentials";
  private static final String APP_ROLE_ASSIGNMENTS = "appRoleAssignments";

  private final List<AppRegistration> apps;
  private final String graphServicePrincipalId;
  private final Instant grantedAt;

  ApplicationRoutes(List<AppRegistration> apps, String tenantId, Instant grantedAt) {
    this.apps = List.copyOf(apps);
    this.graphServicePrincipalId = GraphAppRoles.graphServicePrincipalId(tenantId);
    this.grantedAt = grantedAt;
  }

  /** The applications of a scenario's service principals (managed identities have no application object). */
  static ApplicationRoutes from(Scenario scenario, String tenantId, Instant now) {
    List<AppRegistration> apps = new ArrayList<>();
    for (JsonNode sp : scenario.section("servicePrincipals")) {
      if (!"ManagedIdentity".equalsIgnoreCase(sp.path("type").asText()) && sp.hasNonNull("appId")) {
        apps.add(AppRegistration.from(sp));
      }
    }
    return new ApplicationRoutes(apps, tenantId, now);
  }

  boolean owns(GraphCall call) {
    String first = call.segment(0);
    if (first.equalsIgnoreCase("applications") || APP_BY_APP_ID.matcher(first).matches()) {
      return true;
    }
    boolean servicePrincipal = first.equalsIgnoreCase("servicePrincipals") || SP_BY_APP_ID.matcher(first).matches();
    return servicePrincipal && (call.is(1, APP_ROLE_ASSIGNMENTS) || call.is(2, APP_ROLE_ASSIGNMENTS));
  }

  EmulatorResponse handle(GraphCall call) {
    if (!call.isGet()) {
      throw call.methodNotAllowed();
    }
    return call.segment(0).regionMatches(true, 0, "applications", 0, "applications".length())
        ? applications(call) : appRoleAssignments(call);
  }

  private EmulatorResponse applications(GraphCall call) {
    GraphAuth.require(call.caller(), APPLICATIONS_READ);
    Matcher byAppId = APP_BY_APP_ID.matcher(call.segment(0));
    int next = byAppId.matches() ? 1 : 2;
    if (!byAppId.matches() && call.size() == 1) {
      List<ObjectNode> all = apps.stream().map(AppRegistration::application).toList();
      return call.collection("applications", call.query().apply(all));
    }
    AppRegistration app = byAppId.matches() ? find(a -> a.appId().equalsIgnoreCase(byAppId.group(1)), byAppId.group(1))
        : find(a -> a.objectId().equalsIgnoreCase(call.segment(1)), call.segment(1));
    String self = "applications('" + app.objectId() + "')";
    if (call.size() == next) {
      return call.entity(200, "applications/$entity", call.query().project(app.application()));
    }
    if (!call.is(next, CREDENTIALS) || call.size() > next + 2) {
      throw call.unknownSegment(call.is(next, CREDENTIALS) ? next + 2 : next);
    }
    List<ObjectNode> creds = app.credentials().stream().map(ObjectNode::deepCopy).toList();
    if (call.size() == next + 1) {
      return call.collection(self + "/" + CREDENTIALS, call.query().apply(creds));
    }
    String key = call.segment(next + 1);
    ObjectNode one = creds.stream().filter(c -> c.path("id").asText().equalsIgnoreCase(key)
            || c.path("name").asText().equals(key)).findFirst()
        .orElseThrow(() -> GraphException.resourceNotFound("federatedIdentityCredential", key));
    return call.entity(200, self + "/" + CREDENTIALS + "/$entity", call.query().project(one));
  }

  private EmulatorResponse appRoleAssignments(GraphCall call) {
    GraphAuth.require(call.caller(), APP_ROLE_ASSIGNMENTS_READ);
    Matcher byAppId = SP_BY_APP_ID.matcher(call.segment(0));
    int last = byAppId.matches() ? 1 : 2;
    if (call.size() > last + 1) {
      throw call.unknownSegment(last + 1);
    }
    AppRegistration app = byAppId.matches() ? find(a -> a.appId().equalsIgnoreCase(byAppId.group(1)), byAppId.group(1))
        : find(a -> a.servicePrincipalId().equalsIgnoreCase(call.segment(1)), call.segment(1));
    List<ObjectNode> out = new ArrayList<>();
    for (String permission : app.graphPermissions()) {
      ObjectNode a = Json.object();
      a.put("id", AppRegistration.derived("appRoleAssignment:" + app.servicePrincipalId() + ":" + permission));
      a.putNull("deletedDateTime");
      a.put("appRoleId", GraphAppRoles.idOf(permission));
      a.put("createdDateTime", grantedAt.toString());
      a.put("principalDisplayName", app.displayName());
      a.put("principalId", app.servicePrincipalId());
      a.put("principalType", "ServicePrincipal");
      a.put("resourceDisplayName", "Microsoft Graph");
      a.put("resourceId", graphServicePrincipalId);
      out.add(a);
    }
    return call.collection("servicePrincipals('" + app.servicePrincipalId() + "')/" + APP_ROLE_ASSIGNMENTS,
        call.query().apply(out));
  }

  private AppRegistration find(java.util.function.Predicate<AppRegistration> match, String key) {
    Optional<AppRegistration> app = apps.stream().filter(match).findFirst();
    return app.orElseThrow(() -> GraphException.resourceNotFound("application", key.toLowerCase(Locale.ROOT)));
  }
}
