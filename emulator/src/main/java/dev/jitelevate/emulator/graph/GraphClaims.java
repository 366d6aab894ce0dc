package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.ClaimsSource;
import java.util.HashSet;
import java.util.Set;

/**
 * What a token issued now says: {@code wids} from standing and PIM-active directory role assignments (held directly
 * or through a role-assignable group the principal belongs to), {@code groups} from standing memberships and
 * PIM-active member access.
 */
final class GraphClaims implements ClaimsSource {
  private final GraphSurface surface;

  GraphClaims(GraphSurface surface) {
    this.surface = surface;
  }

  @Override
  public Set<String> directoryRoleTemplateIds(String principalId) {
    return surface.withTenant(tenant -> {
      Set<String> groups = groupIds(tenant, principalId);
      Set<String> wids = new HashSet<>();
      for (ActiveInstance i : tenant.state.instances(PimTarget.Kind.DIRECTORY)) {
        if (i.principalId().equalsIgnoreCase(principalId) || groups.contains(i.principalId())) {
          wids.add(i.target().role());
        }
      }
      return Set.copyOf(wids);
    });
  }

  @Override
  public Set<String> groupIds(String principalId) {
    return surface.withTenant(tenant -> Set.copyOf(groupIds(tenant, principalId)));
  }

  private static Set<String> groupIds(GraphTenant tenant, String principalId) {
    return tenant.engine.memberGroups(principalId);
  }
}
