package dev.jitelevate.emulator.arm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised ARM scope: the tenant root, a management group, a subscription, a resource group or a
 * resource. Paths compare case-insensitively, like ARM's.
 *
 * @param kind what the scope names
 * @param path the normalised scope, {@code /} for the tenant root
 * @param subscriptionId the subscription, or null above subscriptions
 * @param resourceGroup the resource group, or null above resource groups
 * @param managementGroup the management group name for management-group scopes
 */
record ArmScope(Kind kind, String path, String subscriptionId, String resourceGroup, String managementGroup) {
  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  enum Kind { ROOT, MANAGEMENT_GROUP, SUBSCRIPTION, RESOURCE_GROUP, RESOURCE }

  static final ArmScope ROOT = new ArmScope(Kind.ROOT, "/", null, null, null);

  static boolean isGuid(String value) {
    return value != null && GUID.matcher(value).matches();
  }

  /**
   * Parses a scope as it appears in a URL path or a request body.
   *
   * @throws ArmException 400 {@code InvalidResourceId} or {@code InvalidSubscriptionId} when it is malformed
   */
  static ArmScope parse(String raw) {
    List<String> segments = new ArrayList<>(Arrays.asList(raw.split("/")));
    segments.removeIf(String::isEmpty);
    if (segments.isEmpty()) {
      return ROOT;
    }
    if (segments.size() >= 4 && eq(segments.get(0), "providers") && eq(segments.get(1), "Microsoft.Subscription")
        && eq(segments.get(2), "subscriptions")) {
      segments = new ArrayList<>(segments.subList(2, segments.size()));
    }
    if (eq(segments.get(0), "providers")) {
      return managementGroup(raw, segments);
    }
    if (!eq(segments.get(0), "subscriptions") || segments.size() < 2) {
      throw ArmErrors.invalidResourceId(raw);
    }
    String sub = segments.get(1);
    if (!isGuid(sub)) {
      throw ArmErrors.invalidSubscriptionId(sub);
    }
    if (segments.size() == 2) {
      return new ArmScope(Kind.SUBSCRIPTION, "/subscriptions/" + sub, sub, null, null);
    }
    if (segments.size() < 4 || !eq(segments.get(2), "resourceGroups")) {
      throw ArmErrors.invalidResourceId(raw);
    }
    String rg = segments.get(3);
    String rgPath = "/subscriptions/" + sub + "/resourceGroups/" + rg;
    if (segments.size() == 4) {
      return new ArmScope(Kind.RESOURCE_GROUP, rgPath, sub, rg, null);
    }
    return resource(raw, rgPath, sub, rg, segments.subList(4, segments.size()));
  }

  private static ArmScope managementGroup(String raw, List<String> segments) {
    if (segments.size() != 4 || !eq(segments.get(1), "Microsoft.Management") || !eq(segments.get(2), "managementGroups")) {
      throw ArmErrors.invalidResourceId(raw);
    }
    String mg = segments.get(3);
    return new ArmScope(Kind.MANAGEMENT_GROUP, "/providers/Microsoft.Management/managementGroups/" + mg, null, null, mg);
  }

  private static ArmScope resource(String raw, String rgPath, String sub, String rg, List<String> rest) {
    // providers/{namespace}/{type}/{name}[/{type}/{name}]...
    if (rest.size() < 4 || rest.size() % 2 != 0 || !eq(rest.get(0), "providers")) {
      throw ArmErrors.invalidResourceId(raw);
    }
    return new ArmScope(Kind.RESOURCE, rgPath + "/providers/" + String.join("/", rest.subList(1, rest.size())), sub, rg, null);
  }

  /** Returns the prefix to put before {@code /providers/Microsoft.Authorization/…}: empty for the root. */
  String prefix() {
    return kind == Kind.ROOT ? "" : path;
  }

  /** Returns true when this scope is the other one or one of its ancestors by path. */
  boolean containsByPath(ArmScope other) {
    if (kind == Kind.ROOT) {
      return true;
    }
    String mine = path.toLowerCase(Locale.ROOT);
    String theirs = other.path.toLowerCase(Locale.ROOT);
    return theirs.equals(mine) || theirs.startsWith(mine + "/");
  }

  boolean sameAs(ArmScope other) {
    return path.equalsIgnoreCase(other.path);
  }

  /** The resource type of a resource scope, e.g. {@code Microsoft.KeyVault/vaults}; null otherwise. */
  String resourceType() {
    if (kind != Kind.RESOURCE) {
      return null;
    }
    String[] rest = path.substring(path.toLowerCase(Locale.ROOT).indexOf("/providers/") + "/providers/".length()).split("/");
    StringBuilder type = new StringBuilder(rest[0]);
    for (int i = 1; i < rest.length; i += 2) {
      type.append('/').append(rest[i]);
    }
    return type.toString();
  }

  /** The last name segment: subscription id, resource group name, resource name or management group. */
  String leafName() {
    return kind == Kind.ROOT ? "/" : path.substring(path.lastIndexOf('/') + 1);
  }

  /** The {@code expandedProperties.scope.type} spelling. */
  String typeName() {
    return switch (kind) {
      case ROOT -> "tenant";
      case MANAGEMENT_GROUP -> "managementgroup";
      case SUBSCRIPTION -> "subscription";
      case RESOURCE_GROUP -> "resourcegroup";
      case RESOURCE -> "resource";
    };
  }

  private static boolean eq(String a, String b) {
    return a.equalsIgnoreCase(b);
  }
}
