/**
 * An offline, faithful Entra ID / ARM PIM / Graph PIM / Key Vault / GitHub OIDC for tests, in the spirit of
 * okhttp's MockWebServer: {@link dev.jitelevate.emulator.PimEmulator} starts on a free loopback port over HTTPS
 * with its own CA, and the official SDKs talk to it unmodified.
 *
 * <pre>{@code
 * try (PimEmulator emulator = PimEmulator.builder().scenario(Scenario.demo())
 *     .hazards(Hazards.none().withProvisioningDelay(Duration.ofMillis(150)))
 *     .start()) {
 *   CloudProfile cloud = CloudProfile.parse(emulator.profileJson());   // endpoints and CA for core
 *   Elevator elevator = Elevator.builder().cloud(cloud).tenantId(emulator.tenantId())
 *       .identity(Credentials.clientAssertion(cloud, emulator.tenantId(), ciAppId,
 *           () -> emulator.github().idToken("api://AzureADTokenExchange")))
 *       .broker(Credentials.clientSecret(cloud, emulator.tenantId(), brokerAppId, brokerSecret))
 *       .build();
 *   ElevationOutcome outcome = elevator.run(request, context -> { });
 *   assertThat(emulator.leaks()).isEmpty();                            // nothing left active
 * }
 * }</pre>
 *
 * <p>The same server runs standalone: {@code java -jar jit-emulator.jar --port 8443}.
 */
package dev.jitelevate.emulator;
