package dev.jitelevate.core.internal.gateway;

import dev.jitelevate.core.PrincipalId;

/** A principal as the directory knows it; type is {@code User}, {@code ServicePrincipal} or {@code Group}. */
public record PrincipalInfo(PrincipalId id, String type, String displayName) {
  public boolean isUser() {
    return "User".equals(type);
  }
}
