package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The delegated permission grants of a scenario (Graph's {@code oAuth2PermissionGrant}): which scopes a client
 * application may put into a user's token for a resource, granted by an administrator for all users
 * ({@code AllPrincipals}) or by one user for themself ({@code Principal}). A scenario without a {@code consents}
 * section consents every client for the scopes the project's clients use, so older scenarios keep working.
 */
final class Consents {
  static final String GRAPH = "https://graph.microsoft.com";
  private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  /** What every client is consented for at Graph when the scenario models no consent. */
  static final Set<String> DEFAULT_GRAPH_SCOPES = Set.of(
      "Directory.Read.All", "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
      "PrivilegedEligibilitySchedule.Read.AzureADGroup", "RoleAssignmentSchedule.ReadWrite.Directory",
      "RoleEligibilitySchedule.Read.Directory", "RoleManagementPolicy.Read.AzureADGroup",
      "RoleManagementPolicy.Read.Directory", "User.Read");
  /** What every client is consented for at any other resource (ARM, Key Vault, …) when no consent is modelled. */
  static final Set<String> DEFAULT_OTHER_SCOPES = Set.of("user_impersonation");

  /**
   * One grant.
   *
   * @param principalId the consenting user's object id, or null for an admin consent on behalf of all users
   */
  record Grant(String clientId, String resource, String principalId, Set<String> scopes) {
    Grant {
      scopes = Set.copyOf(scopes);
    }

    boolean covers(String client, String user, String audience) {
      return clientId.equalsIgnoreCase(client) && resource.equals(audience)
          && (principalId == null || principalId.equalsIgnoreCase(user));
    }
  }

  /** The scopes a token gets, or the scopes asked for that were never consented (then no token). */
  record Decision(Set<String> scp, Set<String> missing) {
    boolean refused() {
      return !missing.isEmpty();
    }
  }

  private final boolean modelled;
  private final List<Grant> grants;

  private Consents(boolean modelled, List<Grant> grants) {
    this.modelled = modelled;
    this.grants = List.copyOf(grants);
  }

  /**
   * Reads the {@code consents} section; {@code clientId} may be an app id or a service principal's object id,
   * {@code principalId} an object id or UPN (resolved through {@code userIds}).
   */
  static Consents from(JsonNode section, Function<String, String> appIds, Function<String, String> userIds) {
    if (section.isMissingNode() || section.isNull()) {
      return new Consents(false, List.of());
    }
    List<Grant> grants = new ArrayList<>();
    for (JsonNode g : section) {
      String client = Json.text(g, "clientId");
      if (client == null || client.isBlank()) {
        throw new IllegalArgumentException("Scenario section 'consents' has an entry without 'clientId': " + g);
      }
      String type = Json.text(g, "consentType");
      String principal = Json.text(g, "principalId");
      boolean forOneUser = "Principal".equalsIgnoreCase(type) || (type == null && principal != null);
      if (forOneUser && principal == null) {
        throw new IllegalArgumentException("Scenario section 'consents': a 'Principal' consent needs 'principalId': " + g);
      }
      String resource = Json.text(g, "resource");
      Set<String> scopes = new LinkedHashSet<>();
      if (g.path("scope").isArray()) {
        g.path("scope").forEach(s -> scopes.add(s.asText()));
      } else {
        scopes.addAll(Arrays.asList(textOr(g, "scope").trim().split("\\s+")));
      }
      scopes.remove("");
      grants.add(new Grant(appIds.apply(client), normalise(resource == null ? GRAPH : resource),
          forOneUser ? userIds.apply(principal) : null, scopes));
    }
    return new Consents(true, grants);
  }

  /**
   * Decides the {@code scp} of a user's token: every consented scope for {@code .default}, else the scopes
   * asked for, each of which must have been consented.
   */
  Decision decide(String clientId, String userId, String audience, Scopes requested) {
    String resource = normalise(audience);
    Set<String> granted = granted(clientId, userId, resource);
    List<String> asked = requested.permissions();
    if (asked.isEmpty() || requested.isDefault()) {
      return new Decision(granted, granted.isEmpty() ? Set.of(".default") : Set.of());
    }
    Set<String> scp = new LinkedHashSet<>();
    Set<String> missing = new LinkedHashSet<>();
    for (String scope : asked) {
      String match = granted.stream().filter(g -> g.equalsIgnoreCase(scope)).findFirst().orElse(null);
      if (match == null) {
        missing.add(scope);
      } else {
        scp.add(match);
      }
    }
    return new Decision(scp, missing);
  }

  private Set<String> granted(String clientId, String userId, String resource) {
    if (!modelled) {
      return GRAPH.equals(resource) ? DEFAULT_GRAPH_SCOPES : DEFAULT_OTHER_SCOPES;
    }
    Set<String> out = new LinkedHashSet<>();
    grants.stream().filter(g -> g.covers(clientId, userId, resource)).forEach(g -> out.addAll(g.scopes()));
    return out;
  }

  /** Resource URIs compare without a trailing slash and case; Graph's app id stands for Graph. */
  static String normalise(String resource) {
    String r = resource.trim().toLowerCase(Locale.ROOT);
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return GRAPH_APP_ID.equals(r) ? GRAPH : r;
  }

  private static String textOr(JsonNode node, String field) {
    String value = Json.text(node, field);
    return value == null ? "" : value;
  }
}
