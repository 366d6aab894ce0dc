/**
 * The HTTPS server under the surfaces: routing, the request journal and scripted faults.
 * {@link dev.jitelevate.emulator.server.FaultRule}s make the next matching calls fail the way Azure does;
 * {@link dev.jitelevate.emulator.server.JournalEntry} records each call served (never a token or a body).
 * A rule's path is a regular expression found anywhere in the request's path.
 *
 * <pre>{@code
 * emulator.injectFault(FaultRule.throttle("PUT", "roleAssignmentScheduleRequests/", 2, 1));  // one 429
 * emulator.injectFault(FaultRule.status("GET", "/secrets/db-password$", 503, 2));              // two 503s
 * emulator.injectFault(FaultRule.reset("POST", "/oauth2/v2.0/token$", 1));                     // a reset
 *
 * ElevationOutcome outcome = elevator.run(request, operation);
 *
 * assertThat(emulator.journal())
 *     .filteredOn(call -> call.status() == 429).hasSize(1);   // retried after Retry-After
 * }</pre>
 */
package dev.jitelevate.emulator.server;
