package dev.jitelevate.emulator.testing;

import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.Principal;
import java.util.List;
import java.util.Optional;

/** A fixed directory for surface tests that run without the Entra surface: principals and groups by id. */
public record ListDirectory(String tenantId, List<Principal> principals, List<Group> groups) implements Directory {
  public ListDirectory {
    principals = List.copyOf(principals);
    groups = List.copyOf(groups);
  }

  @Override
  public Optional<Principal> principal(String objectId) {
    return principals.stream().filter(p -> p.id().equalsIgnoreCase(objectId)).findFirst();
  }

  @Override
  public Optional<Principal> principalByAppId(String appId) {
    return principals.stream().filter(p -> appId.equalsIgnoreCase(p.appId())).findFirst();
  }

  @Override
  public Optional<Group> group(String objectId) {
    return groups.stream().filter(g -> g.id().equalsIgnoreCase(objectId)).findFirst();
  }
}
