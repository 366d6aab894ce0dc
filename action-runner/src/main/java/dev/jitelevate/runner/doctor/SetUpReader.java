package dev.jitelevate.runner.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a broker set-up: federated credentials and the broker's Graph permissions from Graph (Application.Read.All),
 * the broker's role assignments and the policy's role definitions from ARM ({@code roleAssignments/read} and
 * {@code roleDefinitions/read}, e.g. Reader, on the subscriptions).
 */
final class SetUpReader {
  private static final String RBAC_API = "api-version=2022-04-01";
  private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private final AzureReads graph;
  private final AzureReads arm;
  private final Map<String, String> roleNames = new HashMap<>();

  SetUpReader(AzureReads graph, AzureReads arm) {
    this.graph = graph;
    this.arm = arm;
  }

  SetUp read(String brokerAppId, List<String> workloadAppIds, List<String> subscriptions, PolicyNeeds needs) {
    List<FederatedCredential> broker = credentials(brokerAppId, "the broker");
    Map<String, List<FederatedCredential>> workloads = new LinkedHashMap<>();
    workloadAppIds.forEach(id -> workloads.put(id, credentials(id, "workload identity " + id)));
    String brokerObjectId = graph.get("the broker's service principal", "v1.0/servicePrincipals(appId='" + brokerAppId
        + "')").path("id").asText();
    Set<String> permissions = new HashSet<>();
    graph.list("the broker's Graph application permissions", "v1.0/servicePrincipals/" + brokerObjectId
        + "/appRoleAssignments").forEach(a -> permissions.add(a.path("appRoleId").asText().toLowerCase(Locale.ROOT)));
    List<BrokerRoleAssignment> assignments = new ArrayList<>();
    for (String subscription : subscriptions) {
      assignments.addAll(assignments(subscription, brokerObjectId));
    }
    return new SetUp(brokerAppId, brokerObjectId, broker, workloads, assignments, permissions,
        roleIds(needs, subscriptions));
  }

  private List<FederatedCredential> credentials(String appId, String whose) {
    List<FederatedCredential> out = new ArrayList<>();
    for (JsonNode c : graph.list(whose + "'s federated identity credentials",
        "v1.0/applications(appId='" + appId + "')/federatedIdentityCredentials")) {
      List<String> audiences = new ArrayList<>();
      c.path("audiences").forEach(a -> audiences.add(a.asText()));
      out.add(new FederatedCredential(appId, c.path("id").asText(), c.path("name").asText(), c.path("issuer").asText(),
          c.path("subject").asText(), audiences));
    }
    return out;
  }

  private List<BrokerRoleAssignment> assignments(String subscription, String principalId) {
    String path = "subscriptions/" + subscription + "/providers/Microsoft.Authorization/roleAssignments?" + RBAC_API
        + "&$filter=" + encode("principalId eq '" + principalId + "'");
    List<BrokerRoleAssignment> out = new ArrayList<>();
    for (JsonNode ra : arm.list("the broker's role assignments in subscription " + subscription, path)) {
      JsonNode p = ra.path("properties");
      String definition = p.path("roleDefinitionId").asText();
      String guid = definition.substring(definition.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      Optional<String> condition = p.hasNonNull("condition") ? Optional.of(p.get("condition").asText()) : Optional.empty();
      out.add(new BrokerRoleAssignment(ra.path("id").asText(), p.path("scope").asText(), guid,
          roleName(subscription, guid), condition));
    }
    return out;
  }

  private String roleName(String subscription, String guid) {
    return roleNames.computeIfAbsent(guid, g -> arm.get("role definition " + g, "subscriptions/" + subscription
        + "/providers/Microsoft.Authorization/roleDefinitions/" + g + "?" + RBAC_API)
        .path("properties").path("roleName").asText(g));
  }

  /** The policy's roles (names or ids) resolved to role definition ids; unknown ones are left out. */
  private Map<String, String> roleIds(PolicyNeeds needs, List<String> subscriptions) {
    Map<String, String> out = new LinkedHashMap<>();
    if (subscriptions.isEmpty()) {
      return out;
    }
    String subscription = subscriptions.get(0);
    for (String role : needs.azureRoles()) {
      String filter = GUID.matcher(role).matches() ? null : encode("roleName eq '" + role.replace("'", "''") + "'");
      if (filter == null) {
        out.put(role, role.toLowerCase(Locale.ROOT));
        continue;
      }
      arm.list("role definition '" + role + "'", "subscriptions/" + subscription
              + "/providers/Microsoft.Authorization/roleDefinitions?" + RBAC_API + "&$filter=" + filter).stream()
          .findFirst().ifPresent(d -> out.put(role, d.path("name").asText().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
