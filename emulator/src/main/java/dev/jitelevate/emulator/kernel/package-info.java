/**
 * The emulator's rules kernel, shared by its surfaces: the {@link dev.jitelevate.emulator.kernel.Scenario}
 * (tenant, principals, roles, eligibilities, policies, vaults), the {@link dev.jitelevate.emulator.kernel.Hazards}
 * (delays, throttling, random faults, the deactivation floor) and what a test inspects afterwards.
 *
 * <pre>{@code
 * PimEmulator emulator = PimEmulator.builder()
 *     .scenario(Scenario.file(Path.of("src/test/resources/tenant.json")))   // or Scenario.demo()
 *     .hazards(Hazards.none()
 *         .withProvisioningDelay(Duration.ofSeconds(2))
 *         .withPropagationDelay(Duration.ofSeconds(5))
 *         .withThrottleRps(20))
 *     .start();
 * List<ActiveAssignment> active = emulator.activeAssignments();
 * List<PendingApproval> waiting = emulator.pendingApprovals();
 * emulator.reset();                                         // back to the scenario, between tests
 * }</pre>
 */
package dev.jitelevate.emulator.kernel;
