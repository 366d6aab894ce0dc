/**
 * The emulator's Microsoft Graph surface: PIM for directory roles and for Groups (schedule requests,
 * eligibility and assignment schedules and instances, policies), directory lookups and {@code /me}, with
 * Graph's OData error shapes and token claims for activated roles and groups. Clients reach it on Graph's own
 * port ({@code PimEmulator.graphBaseUrl()}), as they reach {@code graph.microsoft.com}, with tokens for Graph's
 * real audience.
 *
 * <pre>{@code
 * GraphServiceClient graph = new GraphServiceClient(
 *     new BaseGraphRequestAdapter(
 *         new AzureIdentityAuthenticationProvider(credential, new String[] {"127.0.0.1", "localhost"},
 *             "https://graph.microsoft.com/.default"),
 *         null, null, okHttpClientTrusting(emulator), emulator.graphBaseUrl() + "v1.0"));
 * var requests = graph.roleManagement().directory().roleAssignmentScheduleRequests().get();
 * }</pre>
 */
package dev.jitelevate.emulator.graph;
