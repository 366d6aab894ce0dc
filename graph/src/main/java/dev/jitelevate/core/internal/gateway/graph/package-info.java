/**
 * Directory roles and PIM for Groups over Microsoft Graph v6: the {@code jit-elevate-graph} artifact. It has no
 * API of its own; with it on the class path, {@code jit-elevate-core} elevates to the two Graph targets through
 * the same {@code Elevator}. Without it, such a request fails before anything is submitted, naming this
 * artifact, and an Azure-roles-only consumer does not pull the Microsoft Graph SDK.
 *
 * <pre>{@code
 * // pom.xml: dev.jitelevate:jit-elevate-core and dev.jitelevate:jit-elevate-graph (versions from jit-elevate-bom)
 * Elevator elevator = Elevator.builder()
 *     .tenantId(tenant)
 *     .identity(Credentials.azureCli(Optional.of(tenant)))
 *     .build();
 * ElevationRequest request = ElevationRequest.builder()
 *     .directoryRole("User Administrator")          // or .group("grp-prod-admins", GroupAccess.MEMBER)
 *     .strategy(Strategy.SELF)
 *     .duration(Duration.ofMinutes(30))
 *     .justification("INC-4711: reset a locked-out admin")
 *     .build();
 * ElevationOutcome outcome = elevator.run(request, context -> resetPassword(context.credentials()));
 * }</pre>
 *
 * <p>{@link dev.jitelevate.core.internal.gateway.graph.GraphSurfaceExtension} is what core's ServiceLoader finds.
 */
package dev.jitelevate.core.internal.gateway.graph;
