/**
 * The emulator's admin API, for tests and demos driving it from outside the JVM (the same operations as
 * {@link dev.jitelevate.emulator.PimEmulator}'s methods): reset, load a scenario, set hazards, inject faults,
 * list and decide pending approvals, read the journal.
 *
 * <pre>{@code
 * // From the JVM:
 * PendingApproval approval = emulator.pendingApprovals().get(0);
 * emulator.decide(approval.approvalId(), true, approverId, "looks right");
 *
 * // From a shell, against the standalone jar:
 * //   curl -k -X POST https://localhost:8443/_emulator/reset
 * //   curl -k https://localhost:8443/_emulator/assignments
 * }</pre>
 */
package dev.jitelevate.emulator.admin;
