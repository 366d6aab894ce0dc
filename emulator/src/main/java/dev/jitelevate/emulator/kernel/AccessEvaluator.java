package dev.jitelevate.emulator.kernel;

/**
 * Azure RBAC decisions as of now, including the propagation delay: an assignment younger than
 * {@link Hazards#propagationDelay()} does not count yet. Provided by the ARM surface; used by Key Vault.
 */
public interface AccessEvaluator {

  /** Whether the principal may perform a control-plane action (e.g. {@code Microsoft.Authorization/roleAssignments/write}) at the scope. */
  boolean allowsAction(String principalId, String scope, String action);

  /** Whether the principal may perform a data action (e.g. {@code Microsoft.KeyVault/vaults/secrets/getSecret/action}) at the scope. */
  boolean allowsDataAction(String principalId, String scope, String dataAction);
}
