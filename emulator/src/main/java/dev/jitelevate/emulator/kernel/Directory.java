package dev.jitelevate.emulator.kernel;

import java.util.List;
import java.util.Optional;

/** The tenant's directory: principals and groups. Provided by the Entra surface. */
public interface Directory {
  String tenantId();

  Optional<Principal> principal(String objectId);

  Optional<Principal> principalByAppId(String appId);

  List<Principal> principals();

  Optional<Group> group(String objectId);

  List<Group> groups();
}
