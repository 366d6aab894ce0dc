package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code eligibleChildResources}: the children of a scope (a management group's subscriptions, a subscription's
 * resource groups, a resource group's resources) on which the caller, directly or through a group, holds an
 * eligibility — at the child, above it or below it — as the portal's PIM pages walk the hierarchy
 * (azure-rest-api-specs {@code Microsoft.Authorization/stable/2020-10-01/EligibleChildResources.json}).
 * {@code $filter=resourceType eq 'subscription'|'resourcegroup'} narrows the list.
 */
final class EligibleChildResourcesApi {
  private final ArmState state;

  EligibleChildResourcesApi(ArmState state) {
    this.state = state;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.PIM.require(call.request());
    Routes.requireMethod(call, "GET");
    Routes.requireMaxSegments(call, 1);
    ODataFilter filter = ArmFilters.parse(call.request().queryParam("$filter"), Set.of("resourcetype"));
    List<ArmScope> eligible = state.schedules(RequestKind.ELIGIBILITY).stream()
        .filter(s -> s.activeAt(call.now()) && call.identities().contains(ArmState.key(s.principalId())))
        .map(PimSchedule::scope)
        .toList();
    List<ObjectNode> items = new ArrayList<>();
    for (Child child : children(call.scope())) {
      boolean wanted = filter.value("resourcetype").map(t -> t.equalsIgnoreCase(child.type())).orElse(true);
      if (wanted && eligible.stream().anyMatch(e -> state.topology.related(e, child.scope()))) {
        ObjectNode item = Json.object();
        item.put("id", child.scope().path()).put("name", child.name()).put("type", child.type());
        items.add(item);
      }
    }
    return EmulatorResponse.json(200, ArmJson.list(items));
  }

  private record Child(ArmScope scope, String name, String type) {}

  private List<Child> children(ArmScope scope) {
    List<Child> out = new ArrayList<>();
    Topology topology = state.topology;
    switch (scope.kind()) {
      case MANAGEMENT_GROUP -> {
        Topology.ManagementGroup mg = topology.managementGroups().get(scope.managementGroup().toLowerCase(Locale.ROOT));
        mg.subscriptionIds().stream().sorted().forEach(id -> topology.subscription(id).ifPresent(sub ->
            out.add(new Child(ArmScope.parse("/subscriptions/" + sub.id()), sub.displayName(), "subscription"))));
      }
      case SUBSCRIPTION -> topology.subscription(scope.subscriptionId()).ifPresent(sub ->
          sub.resourceGroups().values().stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).forEach(rg ->
              out.add(new Child(ArmScope.parse(scope.path() + "/resourceGroups/" + rg.name()), rg.name(), "resourcegroup"))));
      case RESOURCE_GROUP -> topology.subscription(scope.subscriptionId())
          .map(sub -> sub.resourceGroups().get(scope.resourceGroup().toLowerCase(Locale.ROOT)))
          .ifPresent(rg -> rg.resources().forEach(r -> out.add(new Child(
              ArmScope.parse(scope.path() + "/providers/" + r.type() + "/" + r.name()), r.name(),
              r.type().toLowerCase(Locale.ROOT)))));
      default -> { }
    }
    return out;
  }
}
