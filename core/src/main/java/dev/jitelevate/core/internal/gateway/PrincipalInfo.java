package dev.jitelevate.core.internal.gateway;

import dev.jitelevate.core.PrincipalId;
import java.util.Objects;

/** A principal as the directory knows it: its object id, what kind of object it is, and its display name. */
public record PrincipalInfo(PrincipalId id, PrincipalType type, String displayName) {
  public PrincipalInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(displayName, "displayName");
  }

  public boolean isUser() {
    return type.kind() == PrincipalType.Kind.USER;
  }
}
