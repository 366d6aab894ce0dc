package dev.jitelevate.core;

import java.util.List;

/**
 * The Azure RBAC actions and data actions an operation needs, e.g. a Key Vault rotation's
 * {@code Microsoft.KeyVault/vaults/secrets/setSecret/action}. The verify step waits until ARM's permissions API
 * shows these (rather than every action of the role), so "effective" means effective for the operation.
 *
 * @param actions control-plane actions
 * @param dataActions data-plane actions
 */
public record RequiredAccess(List<String> actions, List<String> dataActions) {
  public RequiredAccess {
    actions = List.copyOf(actions);
    dataActions = List.copyOf(dataActions);
  }

  /** Nothing declared: the verify step checks the role's most specific action. */
  public static RequiredAccess none() {
    return new RequiredAccess(List.of(), List.of());
  }

  /** Only data actions. */
  public static RequiredAccess dataActions(String... dataActions) {
    return new RequiredAccess(List.of(), List.of(dataActions));
  }

  public boolean isEmpty() {
    return actions.isEmpty() && dataActions.isEmpty();
  }
}
