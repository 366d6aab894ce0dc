package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import java.util.List;
import java.util.Locale;

/**
 * Reads of the scenario's subscriptions, resource groups and resources, authorised by RBAC like any ARM
 * read ({@code …/read} actions, 403 {@code AuthorizationFailed} otherwise). Lets clients probe whether an
 * elevation has propagated.
 */
final class ResourcesApi {
  private final ArmState state;
  private final Guard guard;
  private final RbacEvaluator rbac;

  ResourcesApi(ArmState state, Guard guard, RbacEvaluator rbac) {
    this.state = state;
    this.guard = guard;
    this.rbac = rbac;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.requirePresent(call.request());
    Routes.requireMethod(call, "GET");
    ArmScope scope = call.scope();
    state.topology.requireExists(scope);
    return switch (scope.kind()) {
      case SUBSCRIPTION -> subscription(call, scope);
      case RESOURCE_GROUP -> resourceGroup(call, scope);
      case RESOURCE -> resource(call, scope);
      default -> throw ArmErrors.badRequest("InvalidResourceType",
          "The emulator serves only subscriptions, resource groups and resources outside Microsoft.Authorization.");
    };
  }

  /** {@code GET /subscriptions}: the subscriptions the caller can read. */
  EmulatorResponse listSubscriptions(ArmCall call) {
    ApiVersions.requirePresent(call.request());
    Routes.requireMethod(call, "GET");
    List<ObjectNode> values = state.topology.subscriptions().values().stream()
        .map(s -> ArmScope.parse("/subscriptions/" + s.id()))
        .filter(s -> rbac.holds(call.identities(), s, "Microsoft.Resources/subscriptions/read"))
        .map(this::subscriptionJson)
        .toList();
    return EmulatorResponse.json(200, ArmJson.list(values));
  }

  private EmulatorResponse subscription(ArmCall call, ArmScope scope) {
    guard.require(call, scope, "Microsoft.Resources/subscriptions/read");
    return EmulatorResponse.json(200, subscriptionJson(scope));
  }

  private ObjectNode subscriptionJson(ArmScope scope) {
    ObjectNode out = Json.object();
    out.put("id", scope.path()).put("subscriptionId", scope.subscriptionId())
        .put("displayName", state.topology.displayName(scope)).put("state", "Enabled");
    return out;
  }

  private EmulatorResponse resourceGroup(ArmCall call, ArmScope scope) {
    guard.require(call, scope, "Microsoft.Resources/subscriptions/resourceGroups/read");
    Topology.ResourceGroup rg = group(scope);
    ObjectNode out = Json.object();
    out.put("id", scope.path()).put("name", rg.name()).put("type", "Microsoft.Resources/resourceGroups")
        .put("location", rg.location());
    out.putObject("properties").put("provisioningState", "Succeeded");
    return EmulatorResponse.json(200, out);
  }

  private EmulatorResponse resource(ArmCall call, ArmScope scope) {
    String type = scope.resourceType();
    guard.require(call, scope, type + "/read");
    Topology.ResourceGroup rg = group(scope);
    Topology.Resource resource = rg.resources().stream()
        .filter(r -> r.type().equalsIgnoreCase(type) && r.name().equalsIgnoreCase(scope.leafName()))
        .findFirst()
        .orElseThrow(() -> ArmErrors.notFound("ResourceNotFound", "The Resource '" + type + "/" + scope.leafName()
            + "' under resource group '" + rg.name() + "' was not found. For more details please go to"
            + " https://aka.ms/ARMResourceNotFoundFix"));
    ObjectNode out = Json.object();
    out.put("id", scope.path()).put("name", resource.name()).put("type", resource.type()).put("location", rg.location());
    out.putObject("properties");
    return EmulatorResponse.json(200, out);
  }

  private Topology.ResourceGroup group(ArmScope scope) {
    return state.topology.subscription(scope.subscriptionId()).orElseThrow()
        .resourceGroups().get(scope.resourceGroup().toLowerCase(Locale.ROOT));
  }
}
