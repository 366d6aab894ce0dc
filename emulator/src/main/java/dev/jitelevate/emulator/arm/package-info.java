/**
 * The emulator's ARM {@code Microsoft.Authorization} surface: PIM role assignment schedule requests,
 * schedules and instances, eligibility, role management policies, plain role assignments and the permissions
 * API, with ARM's error shapes. Clients reach it through the cloud profile's ARM endpoint, ARM's own port
 * ({@code PimEmulator.armBaseUrl()}), as they reach {@code management.azure.com}; sign-in stays on the main one.
 *
 * <pre>{@code
 * Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
 * endpoints.put("resourceManagerEndpointUrl", emulator.armBaseUrl());
 * endpoints.put("activeDirectoryEndpointUrl", emulator.baseUrl());
 * AuthorizationManagementClient arm = AuthorizationManager.configure()
 *     .withHttpClient(httpClientTrusting(emulator))
 *     .authenticate(credential, new AzureProfile(emulator.tenantId(), subscriptionId,
 *         new AzureEnvironment(endpoints)))
 *     .serviceClient();
 * }</pre>
 */
package dev.jitelevate.emulator.arm;
