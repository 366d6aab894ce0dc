package dev.jitelevate.core.internal.gateway;

import java.util.Objects;

/**
 * What kind of directory object a principal is: a closed set of the kinds PIM knows, and the directory's own
 * name for any other kind (a device, a contact), kept as the directory wrote it.
 *
 * @param kind user, service principal, group, or other
 * @param name the directory's name of the kind ({@code User}, {@code ServicePrincipal}, {@code Group}, {@code Device}, …)
 */
public record PrincipalType(Kind kind, String name) {
  public static final PrincipalType USER = new PrincipalType(Kind.USER, "User");
  public static final PrincipalType SERVICE_PRINCIPAL = new PrincipalType(Kind.SERVICE_PRINCIPAL, "ServicePrincipal");
  public static final PrincipalType GROUP = new PrincipalType(Kind.GROUP, "Group");
  public static final PrincipalType UNKNOWN = new PrincipalType(Kind.OTHER, "Unknown");

  /** The kinds the lifecycle tells apart. */
  public enum Kind { USER, SERVICE_PRINCIPAL, GROUP, OTHER }

  public PrincipalType {
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A principal type needs a name");
    }
  }

  /** The type the directory names {@code name} ({@code User}, {@code ServicePrincipal}, …); null or blank is unknown. */
  public static PrincipalType named(String name) {
    if (name == null || name.isBlank()) {
      return UNKNOWN;
    }
    for (PrincipalType known : new PrincipalType[] {USER, SERVICE_PRINCIPAL, GROUP, UNKNOWN}) {
      if (known.name.equalsIgnoreCase(name)) {
        return known;
      }
    }
    return new PrincipalType(Kind.OTHER, name);
  }

  /**
   * The type of an OData {@code @odata.type} ({@code #microsoft.graph.servicePrincipal} is a service principal);
   * null or empty is unknown.
   */
  public static PrincipalType ofODataType(String odataType) {
    if (odataType == null) {
      return UNKNOWN;
    }
    String bare = odataType.substring(odataType.lastIndexOf('.') + 1);
    return bare.isEmpty() ? UNKNOWN : named(Character.toUpperCase(bare.charAt(0)) + bare.substring(1));
  }

  @Override
  public String toString() {
    return name;
  }
}
