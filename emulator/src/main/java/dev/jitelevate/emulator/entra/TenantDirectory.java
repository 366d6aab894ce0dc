package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's directory as a scenario describes it, with the credentials the token endpoint checks.
 * Immutable; a scenario load replaces it whole.
 */
final class TenantDirectory {
  final String tenantId;
  final String domain;
  final Map<String, Principal> principals = new LinkedHashMap<>();
  final Map<String, Group> groups = new LinkedHashMap<>();
  final Map<String, String> passwords = new LinkedHashMap<>();
  final Map<String, Set<String>> secrets = new LinkedHashMap<>();
  final Map<String, List<FederatedCredential>> federated = new LinkedHashMap<>();
  private Consents consents;

  private TenantDirectory(String tenantId, String domain) {
    this.tenantId = tenantId;
    this.domain = domain;
  }

  static TenantDirectory from(Scenario scenario) {
    JsonNode tenant = scenario.section("tenant");
    String id = text(tenant, "id", "00000000-0000-0000-0000-000000000001");
    TenantDirectory dir = new TenantDirectory(id, text(tenant, "domain", "emulator.onmicrosoft.com"));
    scenario.section("users").forEach(dir::addUser);
    scenario.section("servicePrincipals").forEach(dir::addServicePrincipal);
    scenario.section("groups").forEach(dir::addGroup);
    dir.consents = Consents.from(scenario.section("consents"),
        client -> Optional.ofNullable(dir.principals.get(client)).map(Principal::appId).orElse(client),
        user -> dir.userByName(user).map(Principal::id).orElse(user));
    return dir;
  }

  /** Whether the path segment names this tenant (its id or domain, case-insensitively) or a multi-tenant alias. */
  boolean answersTo(String tenant) {
    return tenant.equalsIgnoreCase(tenantId) || tenant.equalsIgnoreCase(domain)
        || "organizations".equalsIgnoreCase(tenant) || "common".equalsIgnoreCase(tenant);
  }

  /** The delegated permission grants of the scenario. */
  Consents consents() {
    return consents;
  }

  Optional<Principal> userByName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return principals.values().stream()
        .filter(p -> p.isUser() && p.userPrincipalName() != null
            && p.userPrincipalName().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  Optional<Principal> byAppId(String appId) {
    return principals.values().stream().filter(p -> appId.equalsIgnoreCase(p.appId() == null ? "" : p.appId())).findFirst();
  }

  private void addUser(JsonNode u) {
    String id = required(u, "id", "users");
    String upn = required(u, "userPrincipalName", "users");
    principals.put(id, new Principal(id, "User", text(u, "displayName", upn), null, upn, Set.of(),
        u.path("mfa").asBoolean(false)));
    String password = Json.text(u, "password");
    if (password != null) {
      passwords.put(id, password);
    }
  }

  private void addServicePrincipal(JsonNode sp) {
    String id = required(sp, "id", "servicePrincipals");
    String appId = required(sp, "appId", "servicePrincipals");
    String type = "ManagedIdentity".equalsIgnoreCase(text(sp, "type", "Application")) ? "ManagedIdentity" : "ServicePrincipal";
    principals.put(id, new Principal(id, type, text(sp, "displayName", appId), appId, null,
        strings(sp.path("appRoles")), false));
    secrets.put(appId, strings(sp.path("secrets")));
    List<FederatedCredential> creds = new ArrayList<>();
    for (JsonNode fc : sp.path("federatedCredentials")) {
      creds.add(new FederatedCredential(text(fc, "name", "credential"), required(fc, "issuer", "federatedCredentials"),
          required(fc, "subject", "federatedCredentials"), new ArrayList<>(strings(fc.path("audiences")))));
    }
    federated.put(appId, creds);
  }

  private void addGroup(JsonNode g) {
    String id = required(g, "id", "groups");
    groups.put(id, new Group(id, text(g, "displayName", id), g.path("isAssignableToRole").asBoolean(false),
        resolve(strings(g.path("members"))), resolve(strings(g.path("owners")))));
  }

  /** Group members may be given as object ids or UPNs. */
  private Set<String> resolve(Set<String> refs) {
    Set<String> ids = new HashSet<>();
    for (String ref : refs) {
      ids.add(principals.containsKey(ref) ? ref : userByName(ref).map(Principal::id).orElse(ref));
    }
    return ids;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new java.util.LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode node, String field, String fallback) {
    String value = Json.text(node, field);
    return value == null ? fallback : value;
  }

  private static String required(JsonNode node, String field, String section) {
    String value = Json.text(node, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Scenario section '" + section + "' has an entry without '" + field + "': " + node);
    }
    return value;
  }
}
