package dev.jitelevate.pimconfig;

import java.util.Optional;

/** Turns the file's names into tenant ids, refusing unknown ones with the file's line and a fix. */
final class Resolver {
  private final PimTenant tenant;

  Resolver(PimTenant tenant) {
    this.tenant = tenant;
  }

  Principal principal(String ref, Location at) {
    Directory.Lookup lookup = tenant.directory().resolve(ref);
    if (lookup.matches() > 1) {
      throw new PimConfigException(at, lookup.matches() + " groups are named '" + ref + "'.",
          "Name the group by its object id instead.");
    }
    return lookup.principal().orElseThrow(() -> new PimConfigException(at, "No principal '" + ref + "' in the tenant.",
        Directory.isId(ref) ? "Check the object id." : ref.contains("@")
            ? "Check the user's principal name, or name the user by object id."
            : "Check the group's display name (exact, case-insensitive), or name it by object id."));
  }

  AzureRoles.RoleRef role(String scope, String name, Location at) {
    Optional<AzureRoles.RoleRef> role;
    try {
      role = tenant.azureRoles().role(scope, name);
    } catch (PimApiException e) {
      if (e.status() == 404 || e.status() == 400) {
        throw new PimConfigException(at, "The scope " + scope + " does not exist (" + e.code() + ").",
            "Check the subscription id, resource group or management group in the scope.");
      }
      throw e;
    }
    return role.orElseThrow(() -> new PimConfigException(at, "No role named '" + name + "' at " + scope + ".",
        "Use the role's exact name as the portal shows it, e.g. Contributor or Key Vault Secrets Officer."));
  }

  /** A directory role's id by display name. */
  String directoryRole(String name, Location at) {
    return tenant.graphPim().roleId(name).orElseThrow(() -> new PimConfigException(at, "No directory role named '"
        + name + "'.", "Use the role's exact name as the Entra portal shows it, e.g. User Administrator."));
  }

  /** An administrative unit's id by display name or id. */
  String administrativeUnit(String ref, Location at) {
    return tenant.graphPim().administrativeUnit(ref).orElseThrow(() -> new PimConfigException(at,
        "No administrative unit '" + ref + "' in the tenant.",
        "Check the administrative unit's display name, or name it by object id."));
  }

  /** A group (for PIM for Groups) by display name or id. */
  Principal group(String ref, Location at) {
    Principal group = principal(ref, at);
    if (!group.type().equals("Group")) {
      throw new PimConfigException(at, "'" + ref + "' is not a group.", "Name a PIM-managed group by display name or id.");
    }
    return group;
  }
}
