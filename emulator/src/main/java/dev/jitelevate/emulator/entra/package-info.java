/**
 * The emulator's Entra ID token endpoints (client secret, federated client assertion, password, device code)
 * and the GitHub Actions OIDC issuer whose tokens federated credentials accept.
 *
 * <pre>{@code
 * String githubToken = emulator.github().idToken("api://AzureADTokenExchange");   // as on a runner
 * TokenCredential ci = new ClientAssertionCredentialBuilder()
 *     .tenantId(emulator.tenantId())
 *     .clientId(ciAppId)
 *     .clientAssertion(() -> githubToken)
 *     .authorityHost(emulator.baseUrl())
 *     .disableInstanceDiscovery()
 *     .httpClient(httpClientTrusting(emulator))
 *     .build();
 * }</pre>
 */
package dev.jitelevate.emulator.entra;
