/**
 * Just-in-time elevation on Entra ID and Azure: build an {@link dev.jitelevate.core.Elevator} once, then run
 * privileged work inside an elevation that is requested, awaited, verified, revoked whatever happens, and
 * recorded. Lifecycle failures never throw from {@code run}; the {@link dev.jitelevate.core.ElevationOutcome}
 * holds the {@link dev.jitelevate.core.ActivationRecord} and the first failure.
 *
 * <pre>{@code
 * Elevator elevator = Elevator.builder()
 *     .tenantId(tenant)
 *     .identity(Credentials.azureCli(Optional.of(tenant)))   // who is elevated
 *     .listener(event -> log.info(event.toString()))            // the core never prints
 *     .build();
 * ElevationRequest request = ElevationRequest.builder()
 *     .azureRole("Key Vault Secrets Officer", "/subscriptions/" + sub + "/resourceGroups/rg-app")
 *     .strategy(Strategy.SELF)
 *     .duration(Duration.ofMinutes(30))
 *     .justification("INC-4711: rotate the leaked password")
 *     .build();
 * ElevationOutcome outcome = elevator.run(request, context -> rotate(context.credentials()));
 * String json = ActivationRecords.toJson(outcome.record());     // what was granted and how it ended
 * }</pre>
 *
 * <p>For work that does not fit in a callback, {@code try (ActiveElevation e = elevator.elevate(request))}
 * revokes when the block ends. Directory roles and PIM for Groups need {@code jit-elevate-graph} on the
 * class path as well.
 *
 * <p><b>Nullness.</b> Nothing in this package accepts or returns {@code null} unless its Javadoc says so: an
 * absent value is an {@link java.util.Optional} (never {@code null} itself), collections are empty rather than
 * {@code null}, and records reject {@code null} components in their constructors with a
 * {@link NullPointerException} naming the component. The few nullable components say so where they are
 * declared (a {@link dev.jitelevate.core.RevocationHandle}'s role definition id and group access, for example).
 */
package dev.jitelevate.core;
