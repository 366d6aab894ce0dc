package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.util.Context;
import com.azure.resourcemanager.authorization.fluent.models.PermissionInner;
import com.azure.resourcemanager.authorization.fluent.models.RoleDefinitionInner;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.RoleRef;
import dev.jitelevate.core.internal.gateway.AzureErrorCodes;
import dev.jitelevate.core.internal.gateway.OData;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves an Azure role at a scope through {@code roleDefinitions}: by GUID or full id, or by display name
 * (exactly one must match). Reading the definitions at the scope also proves that the scope exists.
 */
final class RoleResolver {
  private final ArmClient arm;
  private final SurfaceKind kind;

  RoleResolver(ArmClient arm, SurfaceKind kind) {
    this.arm = arm;
    this.kind = kind;
  }

  ResolvedTarget resolve(ElevationTarget target) {
    if (!(target instanceof ElevationTarget.AzureRole role)) {
      throw new IllegalArgumentException("The ARM surface resolves Azure roles only, not " + target.describe());
    }
    RoleDefinitionInner definition;
    try {
      definition = role.role().id().isPresent() ? byId(role.scope(), role.role()) : byName(role.scope(), role.role());
    } catch (ElevationException e) {
      if (AzureErrorCodes.isUnknownScope(e)) {
        throw new InvalidElevationRequestException("scope", "The scope " + role.scope() + " does not exist or cannot "
            + "be seen (" + e.azureErrorCode().orElse("") + ": " + e.getMessage() + ").",
            "Check the subscription id and resource group name, and that the signed-in identity can read the scope.");
      }
      throw e;
    }
    return new ResolvedTarget(kind, java.util.Optional.of(definition.id()), definition.roleName(), role.scope().value(),
        java.util.Optional.empty(), actions(definition));
  }

  private RoleDefinitionInner byId(ArmScope scope, RoleRef role) {
    String guid = role.id().orElseThrow();
    try {
      return arm.call("roleDefinitions.get", () -> arm.sdk().getRoleDefinitions().get(ArmScopes.arg(scope.value()), guid));
    } catch (ElevationException e) {
      if (AzureErrorCodes.is(e, AzureErrorCodes.ROLE_DEFINITION_DOES_NOT_EXIST, "RoleDefinitionNotFound") || e.httpStatus() == 404
          && !AzureErrorCodes.isUnknownScope(e)) {
        throw new InvalidElevationRequestException("role", "No role definition with id " + guid + " exists at "
            + scope + ".", "Check the id (az role definition list --name \"<role name>\"), or pass the role's display name.");
      }
      throw e;
    }
  }

  /** The name with invisible characters (zero-width spaces, controls) shown as {@code \\uXXXX}. */
  static String visible(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().forEach(cp -> {
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
          || (Character.isSpaceChar(cp) || Character.isWhitespace(cp)) && cp != ' ') {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private RoleDefinitionInner byName(ArmScope scope, RoleRef role) {
    String name = role.displayName().orElseThrow();
    String filter = OData.eq("roleName", name);
    List<RoleDefinitionInner> found = arm.call("roleDefinitions.list", () -> arm.sdk().getRoleDefinitions()
        .list(ArmScopes.arg(scope.value()), filter, Context.NONE).stream()
        .filter(d -> name.equalsIgnoreCase(d.roleName())).toList());
    if (found.isEmpty()) {
      throw new InvalidElevationRequestException("role", "No role named '" + visible(name) + "' can be assigned at "
          + scope + "." + (visible(name).equals(name) ? "" : " The name contains invisible characters (shown as \\u...)."),
          "Use the role's exact display name as shown under Access control (IAM) > Roles, or its definition id.");
    }
    if (found.size() > 1) {
      throw new InvalidElevationRequestException("role", found.size() + " roles are named '" + name + "' at " + scope
          + " (" + found.stream().map(RoleDefinitionInner::id).collect(Collectors.joining(", ")) + ").",
          "Pass the definition id of the one you mean instead of its name.");
    }
    return found.get(0);
  }

  static RoleActions actions(RoleDefinitionInner definition) {
    List<String> actions = new ArrayList<>();
    List<String> notActions = new ArrayList<>();
    List<String> dataActions = new ArrayList<>();
    List<String> notDataActions = new ArrayList<>();
    for (PermissionInner p : definition.permissions() == null ? List.<PermissionInner>of() : definition.permissions()) {
      addAll(actions, p.actions());
      addAll(notActions, p.notActions());
      addAll(dataActions, p.dataActions());
      addAll(notDataActions, p.notDataActions());
    }
    return new RoleActions(List.copyOf(actions), List.copyOf(notActions), List.copyOf(dataActions),
        List.copyOf(notDataActions));
  }

  private static void addAll(List<String> into, List<String> values) {
    if (values != null) {
      values.stream().filter(v -> !into.contains(v)).forEach(into::add);
    }
  }
}
