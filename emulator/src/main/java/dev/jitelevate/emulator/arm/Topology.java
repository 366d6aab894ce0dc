package dev.jitelevate.emulator.arm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subscriptions, resource groups and management groups of the scenario, and scope containment over them.
 *
 * @param subscriptions by lower-case id
 * @param managementGroups by lower-case name
 */
record Topology(Map<String, Subscription> subscriptions, Map<String, ManagementGroup> managementGroups) {

  Topology {
    subscriptions = Map.copyOf(subscriptions);
    managementGroups = Map.copyOf(managementGroups);
  }

  /**
   * A subscription.
   *
   * @param id subscription id
   * @param displayName display name
   * @param resourceGroups by lower-case name
   */
  record Subscription(String id, String displayName, Map<String, ResourceGroup> resourceGroups) {
    Subscription {
      resourceGroups = Map.copyOf(resourceGroups);
    }
  }

  /**
   * A resource group.
   *
   * @param name its name
   * @param location its region
   * @param resources resources in it, as {@code type/name} pairs
   */
  record ResourceGroup(String name, String location, List<Resource> resources) {
    ResourceGroup {
      resources = List.copyOf(resources);
    }
  }

  /**
   * A resource.
   *
   * @param type e.g. {@code Microsoft.KeyVault/vaults}
   * @param name its name
   */
  record Resource(String type, String name) {}

  /**
   * A management group.
   *
   * @param name its id
   * @param displayName display name
   * @param subscriptionIds subscriptions directly under it
   */
  record ManagementGroup(String name, String displayName, Set<String> subscriptionIds) {
    ManagementGroup {
      subscriptionIds = Set.copyOf(subscriptionIds);
    }
  }

  Optional<Subscription> subscription(String id) {
    return Optional.ofNullable(id == null ? null : subscriptions.get(id.toLowerCase(Locale.ROOT)));
  }

  /**
   * Checks that the scope exists.
   *
   * @throws ArmException 404 {@code SubscriptionNotFound}, {@code ResourceGroupNotFound} or {@code ManagementGroupNotFound}
   */
  void requireExists(ArmScope scope) {
    if (scope.kind() == ArmScope.Kind.MANAGEMENT_GROUP) {
      if (!managementGroups.containsKey(scope.managementGroup().toLowerCase(Locale.ROOT))) {
        throw ArmErrors.managementGroupNotFound(scope.managementGroup());
      }
      return;
    }
    if (scope.subscriptionId() == null) {
      return;
    }
    Subscription sub = subscription(scope.subscriptionId()).orElseThrow(() -> ArmErrors.subscriptionNotFound(scope.subscriptionId()));
    if (scope.resourceGroup() != null && !sub.resourceGroups().containsKey(scope.resourceGroup().toLowerCase(Locale.ROOT))) {
      throw ArmErrors.resourceGroupNotFound(scope.resourceGroup());
    }
  }

  /** Whether an assignment at {@code outer} applies at {@code inner} (same scope or an ancestor). */
  boolean covers(ArmScope outer, ArmScope inner) {
    if (outer.kind() == ArmScope.Kind.MANAGEMENT_GROUP) {
      if (inner.kind() == ArmScope.Kind.MANAGEMENT_GROUP) {
        return outer.sameAs(inner);
      }
      ManagementGroup mg = managementGroups.get(outer.managementGroup().toLowerCase(Locale.ROOT));
      return mg != null && inner.subscriptionId() != null
          && mg.subscriptionIds().stream().anyMatch(s -> s.equalsIgnoreCase(inner.subscriptionId()));
    }
    if (inner.kind() == ArmScope.Kind.MANAGEMENT_GROUP || inner.kind() == ArmScope.Kind.ROOT) {
      return outer.kind() == ArmScope.Kind.ROOT;
    }
    return outer.containsByPath(inner);
  }

  /** Whether two scopes are on one line of ancestry (either covers the other). */
  boolean related(ArmScope a, ArmScope b) {
    return covers(a, b) || covers(b, a);
  }

  /** A display name for {@code expandedProperties.scope}. */
  String displayName(ArmScope scope) {
    return switch (scope.kind()) {
      case SUBSCRIPTION -> subscription(scope.subscriptionId()).map(Subscription::displayName).orElse(scope.leafName());
      case MANAGEMENT_GROUP -> Optional.ofNullable(managementGroups.get(scope.managementGroup().toLowerCase(Locale.ROOT)))
          .map(ManagementGroup::displayName).orElse(scope.leafName());
      case ROOT -> "Tenant Root";
      default -> scope.leafName();
    };
  }
}
