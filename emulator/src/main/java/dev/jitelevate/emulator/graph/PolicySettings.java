package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's policy entry for one role or group access, with the documented defaults: activation up to
 * {@code PT8H}, justification required, no ticket, no MFA, no approval; admin assignments up to {@code P365D},
 * justification required on them as Azure's default {@code Enablement_Admin_Assignment} does, MFA not; no
 * authentication context ({@code authenticationContext}: the Conditional Access context, e.g. {@code c1}, an
 * activation's token must carry).
 */
record PolicySettings(String maximumDuration, boolean requireJustification, boolean requireTicket,
    boolean requireMfa, boolean requireApproval, List<String> approvers, String adminAssignmentMaximumDuration,
    boolean allowPermanentActiveAssignment, boolean requireJustificationOnActiveAssignment,
    boolean requireMfaOnActiveAssignment, String authenticationContext) {

  PolicySettings {
    approvers = List.copyOf(approvers);
    RequestSchedule.parseDuration(maximumDuration);
    RequestSchedule.parseDuration(adminAssignmentMaximumDuration);
  }

  /** The rules {@code Enablement_Admin_Assignment} enables. */
  List<String> adminAssignmentEnablement() {
    List<String> enabled = new ArrayList<>();
    if (requireJustificationOnActiveAssignment) enabled.add("Justification");
    if (requireMfaOnActiveAssignment) enabled.add("MultiFactorAuthentication");
    return enabled;
  }

  static PolicySettings defaults() {
    return new PolicySettings("PT8H", true, false, false, false, List.of(), "P365D", true, true, false, "");
  }

  /** Reads a scenario policy entry; absent fields keep their defaults. */
  static PolicySettings from(JsonNode entry) {
    PolicySettings d = defaults();
    List<String> approvers = new ArrayList<>();
    entry.path("approvers").forEach(a -> approvers.add(a.asText()));
    return new PolicySettings(
        entry.path("maximumDuration").asText(d.maximumDuration()),
        entry.path("requireJustification").asBoolean(d.requireJustification()),
        entry.path("requireTicket").asBoolean(d.requireTicket()),
        entry.path("requireMfa").asBoolean(d.requireMfa()),
        entry.path("requireApproval").asBoolean(d.requireApproval()),
        approvers,
        entry.path("adminAssignmentMaximumDuration").asText(d.adminAssignmentMaximumDuration()),
        entry.path("allowPermanentActiveAssignment").asBoolean(d.allowPermanentActiveAssignment()),
        entry.path("requireJustificationOnActiveAssignment").asBoolean(d.requireJustificationOnActiveAssignment()),
        entry.path("requireMfaOnActiveAssignment").asBoolean(d.requireMfaOnActiveAssignment()),
        entry.path("authenticationContext").asText(d.authenticationContext()));
  }
}
