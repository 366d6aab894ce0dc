package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.ClaimsSource;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.Principal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** What the ARM surface needs to know about directory objects, read from the kernel {@link Directory}. */
final class Principals {
  private final EmulatorContext context;

  Principals(EmulatorContext context) {
    this.context = context;
  }

  Directory directory() {
    return context.require(Directory.class);
  }

  /**
   * A directory object as ARM describes it.
   *
   * @param id object id
   * @param armType {@code User}, {@code ServicePrincipal} or {@code Group}
   * @param displayName display name
   * @param email user principal name for users, else null
   * @param clientName how {@code AuthorizationFailed} names the client (UPN or app id)
   */
  record DirectoryObject(String id, String armType, String displayName, String email, String clientName) {
    boolean isServicePrincipal() {
      return armType.equals("ServicePrincipal");
    }
  }

  Optional<DirectoryObject> find(String objectId) {
    if (objectId == null) {
      return Optional.empty();
    }
    Optional<Principal> principal = directory().principal(objectId);
    if (principal.isPresent()) {
      Principal p = principal.get();
      String client = p.isUser() ? p.userPrincipalName() : p.appId();
      return Optional.of(new DirectoryObject(p.id(), p.armPrincipalType(), p.displayName(),
          p.isUser() ? p.userPrincipalName() : null, client == null ? p.id() : client));
    }
    return directory().group(objectId).map(g -> new DirectoryObject(g.id(), "Group", g.displayName(), null, g.id()));
  }

  /**
   * The principal and every group it belongs to right now: standing members from the directory plus, when
   * the Graph surface provides it, PIM for Groups memberships.
   */
  Set<String> identities(String principalId) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(principalId.toLowerCase(java.util.Locale.ROOT));
    for (Group g : directory().groups()) {
      if (g.members().stream().anyMatch(m -> m.equalsIgnoreCase(principalId))) {
        ids.add(g.id().toLowerCase(java.util.Locale.ROOT));
      }
    }
    claims().ifPresent(c -> c.groupIds(principalId).forEach(g -> ids.add(g.toLowerCase(java.util.Locale.ROOT))));
    return ids;
  }

  private Optional<ClaimsSource> claims() {
    try {
      return Optional.of(context.require(ClaimsSource.class));
    } catch (IllegalStateException notProvided) {
      return Optional.empty();
    }
  }
}
