package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link Directory} service other surfaces use; always reflects the last loaded scenario. */
final class LiveDirectory implements Directory {
  private final AtomicReference<TenantDirectory> current;

  LiveDirectory(AtomicReference<TenantDirectory> current) {
    this.current = current;
  }

  @Override
  public String tenantId() {
    return current.get().tenantId;
  }

  @Override
  public Optional<Principal> principal(String objectId) {
    return Optional.ofNullable(objectId).map(id -> current.get().principals.get(id));
  }

  @Override
  public Optional<Principal> principalByAppId(String appId) {
    return appId == null ? Optional.empty() : current.get().byAppId(appId);
  }

  @Override
  public List<Principal> principals() {
    return List.copyOf(current.get().principals.values());
  }

  @Override
  public Optional<Group> group(String objectId) {
    return Optional.ofNullable(objectId).map(id -> current.get().groups.get(id));
  }

  @Override
  public List<Group> groups() {
    return List.copyOf(current.get().groups.values());
  }
}
