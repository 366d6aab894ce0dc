/**
 * Key Vault secret rotation as a {@link dev.jitelevate.core.PrivilegedOperation}: writes new versions of one
 * or more secrets with the elevated identity once RBAC has propagated, validates them, and rolls back per
 * {@link dev.jitelevate.core.keyvault.RollbackMode}. Generated values are registered as secrets before use, so
 * they never reach a log, an event or the activation record.
 *
 * <pre>{@code
 * KeyVaultSecretRotation rotation = KeyVaultSecretRotation.builder()
 *     .vault("kv-app-prod")                          // a name, or the vault's https URL
 *     .secret("db-password")
 *     .expiresAfter(Duration.ofDays(90))
 *     .whenMissing(MissingSecretPolicy.REFUSE)
 *     .build();
 * ElevationRequest request = ElevationRequest.builder()
 *     .azureRole("Key Vault Secrets Officer", "/subscriptions/" + sub + "/resourceGroups/rg-app")
 *     .strategy(Strategy.BROKER).duration(Duration.ofMinutes(15)).justification("quarterly rotation")
 *     .build();
 * ElevationOutcome outcome = elevator.run(request, rotation);
 * }</pre>
 *
 * <p><b>Nullness.</b> Nothing in this package accepts or returns {@code null} unless its Javadoc says so: an
 * absent value is an {@link java.util.Optional} (never {@code null} itself), collections are empty rather than
 * {@code null}, and records reject {@code null} components in their constructors with a
 * {@link NullPointerException} naming the component. The few nullable components say so where they are
 * declared.
 */
package dev.jitelevate.core.keyvault;
