package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Fills {@link ArmState} from a scenario's {@code subscriptions}, {@code managementGroups} and {@code arm} sections. */
final class ScenarioLoader {
  private final ArmState state;
  private final Principals principals;

  ScenarioLoader(ArmState state, Principals principals) {
    this.state = state;
    this.principals = principals;
  }

  /**
   * Replaces the state with the scenario's.
   *
   * @throws IllegalArgumentException naming the scenario entry that is wrong
   */
  void load(Scenario scenario, Instant now) {
    state.clear();
    state.topology = topology(scenario);
    builtInRoles().forEach(r -> state.roles.put(ArmState.key(r.guid()), r));
    JsonNode arm = scenario.section("arm");
    arm.path("roleDefinitions").forEach(n -> {
      RoleDefinition role = roleDefinition(n, "CustomRole");
      state.roles.put(ArmState.key(role.guid()), role);
    });
    int i = 0;
    for (JsonNode n : arm.path("roleAssignments")) {
      loadAssignment(n, "arm.roleAssignments[" + i++ + "]", now);
    }
    i = 0;
    for (JsonNode n : arm.path("eligibilities")) {
      loadEligibility(n, "arm.eligibilities[" + i++ + "]", now);
    }
    i = 0;
    for (JsonNode n : arm.path("policies")) {
      String where = "arm.policies[" + i++ + "]";
      state.scenarioPolicies.add(new ArmState.ScenarioPolicy(scope(n, where), role(n, where).guid(), PolicySettings.from(n)));
    }
  }

  private void loadAssignment(JsonNode n, String where, Instant now) {
    RoleDefinition role = role(n, where);
    ArmScope scope = scope(n, where);
    Principals.DirectoryObject principal = principal(n, where);
    String name = n.hasNonNull("name") ? n.get("name").asText() : UUID.randomUUID().toString();
    String condition = Json.text(n, "condition");
    String version = condition == null ? null : Objects.requireNonNullElse(Json.text(n, "conditionVersion"), "2.0");
    state.put(new RoleAssignment(name, scope, role.guid(), principal.id(), principal.armType(), Json.text(n, "description"),
        condition, version, now, null, true, null));
  }

  private void loadEligibility(JsonNode n, String where, Instant now) {
    RoleDefinition role = role(n, where);
    ArmScope scope = scope(n, where);
    Principals.DirectoryObject principal = principal(n, where);
    if (principal.isServicePrincipal()) {
      throw new IllegalArgumentException(where + ": " + principal.id()
          + " is a service principal; service principals cannot be eligible, give them a time-bound active assignment instead");
    }
    Instant end = n.hasNonNull("endDateTime") ? Instant.parse(n.get("endDateTime").asText()) : null;
    state.put(new PimSchedule(RequestKind.ELIGIBILITY, UUID.randomUUID().toString(), UUID.randomUUID().toString(), scope,
        role.guid(), principal.id(), principal.armType(), null, now, end, null, null, null, now, true, null, null));
  }

  private RoleDefinition role(JsonNode n, String where) {
    String ref = Json.text(n, "role");
    if (ref == null) ref = Json.text(n, "roleDefinitionId");
    if (ref == null) {
      throw new IllegalArgumentException(where + ": 'role' (a role name or id) is required");
    }
    String reference = ref;
    return state.roleByReference(reference)
        .orElseThrow(() -> new IllegalArgumentException(where + ": unknown role '" + reference + "'"));
  }

  private ArmScope scope(JsonNode n, String where) {
    String raw = Json.text(n, "scope");
    if (raw == null) {
      throw new IllegalArgumentException(where + ": 'scope' is required, e.g. /subscriptions/<id>");
    }
    try {
      ArmScope scope = ArmScope.parse(raw);
      state.topology.requireExists(scope);
      return scope;
    } catch (ArmException e) {
      throw new IllegalArgumentException(where + ": scope '" + raw + "': " + e.getMessage());
    }
  }

  private Principals.DirectoryObject principal(JsonNode n, String where) {
    String id = Json.text(n, "principalId");
    return principals.find(id).orElseThrow(() -> new IllegalArgumentException(
        where + ": principal '" + id + "' is not a user, service principal or group of the scenario"));
  }

  private static Topology topology(Scenario scenario) {
    Map<String, Topology.Subscription> subs = new HashMap<>();
    for (JsonNode s : scenario.section("subscriptions")) {
      Map<String, Topology.ResourceGroup> groups = new HashMap<>();
      for (JsonNode g : s.path("resourceGroups")) {
        List<Topology.Resource> resources = new ArrayList<>();
        g.path("resources").forEach(r -> resources.add(new Topology.Resource(r.path("type").asText(), r.path("name").asText())));
        String name = g.path("name").asText();
        groups.put(name.toLowerCase(Locale.ROOT), new Topology.ResourceGroup(name, g.path("location").asText("westeurope"), resources));
      }
      String id = s.path("id").asText();
      subs.put(id.toLowerCase(Locale.ROOT), new Topology.Subscription(id, s.path("displayName").asText(id), groups));
    }
    Map<String, Topology.ManagementGroup> mgs = new HashMap<>();
    for (JsonNode m : scenario.section("managementGroups")) {
      Set<String> members = new HashSet<>();
      m.path("subscriptions").forEach(x -> members.add(x.asText()));
      String id = m.path("id").asText();
      mgs.put(id.toLowerCase(Locale.ROOT), new Topology.ManagementGroup(id, m.path("displayName").asText(id), members));
    }
    return new Topology(subs, mgs);
  }

  /**
   * How many built-in roles the emulator's catalogue holds: Azure's are several hundred (about 390 in 2022, as
   * {@code az role definition list} listed them for Azure/oav's {@code azureBuiltInRoles.ts}; more since), and
   * every unfiltered role or policy list at a scope answers one entry per role. A client that reads such a list
   * whole pays for all of them here as it would in Azure (fidelity ledger).
   */
  static final int BUILT_IN_ROLE_COUNT = 400;

  /**
   * Azure's built-in roles: the real ones the scenarios use ({@code /arm/builtin-roles.json}, with their
   * permissions), then inert stand-ins for the rest of Azure's catalogue (no permissions, assignable everywhere,
   * fixed GUIDs), up to {@link #BUILT_IN_ROLE_COUNT}.
   */
  static List<RoleDefinition> builtInRoles() {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream("/arm/builtin-roles.json")) {
      List<RoleDefinition> out = new ArrayList<>();
      Json.MAPPER.readTree(in).forEach(n -> out.add(roleDefinition(n, "BuiltInRole")));
      for (int i = out.size() + 1; i <= BUILT_IN_ROLE_COUNT; i++) {
        String guid = UUID.nameUUIDFromBytes(("jit-elevate emulator built-in role " + i).getBytes(StandardCharsets.UTF_8))
            .toString();
        out.add(new RoleDefinition(guid, String.format(Locale.ROOT, "Other Built-in Role %03d", i), "BuiltInRole",
            "Stands for one of Azure's other built-in roles: the emulator's catalogue is as large as Azure's, so "
                + "that lists at a scope are as long. It grants nothing.",
            List.of(), List.of(), List.of(), List.of(), List.of("/")));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RoleDefinition roleDefinition(JsonNode n, String type) {
    String guid = Json.text(n, "id");
    if (guid == null || !ArmScope.isGuid(guid)) {
      throw new IllegalArgumentException("arm.roleDefinitions: 'id' must be a GUID, got '" + guid + "'");
    }
    List<String> scopes = strings(n.path("assignableScopes"));
    return new RoleDefinition(guid, n.path("roleName").asText(guid), type, n.path("description").asText(""),
        strings(n.path("actions")), strings(n.path("notActions")), strings(n.path("dataActions")),
        strings(n.path("notDataActions")), scopes.isEmpty() ? List.of("/") : scopes);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
