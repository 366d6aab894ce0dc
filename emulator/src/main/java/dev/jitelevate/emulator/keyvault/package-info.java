/**
 * The emulator's Key Vault secrets data plane: versions, properties, tags and RBAC evaluated per request
 * (403 {@code ForbiddenByRbac} until an activated role has propagated). Its vault URLs are path-based, so
 * clients disable the SDK's challenge-host check.
 *
 * <pre>{@code
 * SecretClient secrets = new SecretClientBuilder()
 *     .vaultUrl(cloud.vaultUrl("kv-jit-demo").toString())
 *     .credential(credential)
 *     .httpClient(httpClientTrusting(emulator))
 *     .disableChallengeResourceVerification()
 *     .buildClient();
 * KeyVaultSecret written = secrets.setSecret("db-password", newValue);
 * }</pre>
 */
package dev.jitelevate.emulator.keyvault;
