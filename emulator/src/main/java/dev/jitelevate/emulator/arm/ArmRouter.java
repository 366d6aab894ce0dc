package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits an ARM path into scope and Microsoft.Authorization resource and dispatches to the endpoint class. */
final class ArmRouter {
  private static final String AUTHORIZATION = "/providers/microsoft.authorization";

  private final ArmState state;
  private final Endpoints endpoints;

  /**
   * The endpoint classes.
   *
   * @param roleDefinitions roleDefinitions
   * @param roleAssignments roleAssignments
   * @param permissions permissions
   * @param assignmentRequests roleAssignmentScheduleRequests
   * @param eligibilityRequests roleEligibilityScheduleRequests
   * @param schedules the four schedule/instance collections, in the order assignment schedules, assignment
   *     instances, eligibility schedules, eligibility instances
   * @param policies policies and policy assignments
   * @param approvals roleAssignmentApprovals
   * @param resources reads outside Microsoft.Authorization
   * @param eligibleChildren eligibleChildResources
   */
  record Endpoints(RoleDefinitionsApi roleDefinitions, RoleAssignmentsApi roleAssignments, PermissionsApi permissions,
      ScheduleRequestsApi assignmentRequests, ScheduleRequestsApi eligibilityRequests, List<SchedulesApi> schedules,
      PoliciesApi policies, ApprovalsApi approvals, ResourcesApi resources, EligibleChildResourcesApi eligibleChildren) {}

  ArmRouter(ArmState state, Endpoints endpoints) {
    this.state = state;
    this.endpoints = endpoints;
  }

  EmulatorResponse route(EmulatorRequest request, Caller caller, Set<String> identities, Instant now) {
    String path = request.path();
    int at = lastAuthorizationProvider(path);
    if (at < 0) {
      String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (trimmed.equalsIgnoreCase("/subscriptions")) {
        return endpoints.resources().listSubscriptions(new ArmCall(request, caller, identities, ArmScope.ROOT, List.of(), now));
      }
      return endpoints.resources().handle(new ArmCall(request, caller, identities, ArmScope.parse(path), List.of(), now));
    }
    ArmScope scope = ArmScope.parse(path.substring(0, at));
    List<String> segments = new ArrayList<>(Arrays.asList(path.substring(at + AUTHORIZATION.length()).split("/")));
    segments.removeIf(String::isEmpty);
    ArmCall call = new ArmCall(request, caller, identities, scope, segments, now);
    if (segments.isEmpty()) {
      throw Routes.unknownType(call);
    }
    state.topology.requireExists(scope);
    return dispatch(call);
  }

  private EmulatorResponse dispatch(ArmCall call) {
    return switch (call.lowerSegment(0)) {
      case "roledefinitions" -> endpoints.roleDefinitions().handle(call);
      case "roleassignments" -> endpoints.roleAssignments().handle(call);
      case "permissions" -> endpoints.permissions().handle(call);
      case "roleassignmentschedulerequests" -> endpoints.assignmentRequests().handle(call);
      case "roleeligibilityschedulerequests" -> endpoints.eligibilityRequests().handle(call);
      case "roleassignmentschedules" -> endpoints.schedules().get(0).handle(call);
      case "roleassignmentscheduleinstances" -> endpoints.schedules().get(1).handle(call);
      case "roleeligibilityschedules" -> endpoints.schedules().get(2).handle(call);
      case "roleeligibilityscheduleinstances" -> endpoints.schedules().get(3).handle(call);
      case "rolemanagementpolicies", "rolemanagementpolicyassignments", "rolemanagementpolicyassignment" ->
          endpoints.policies().handle(call);
      case "roleassignmentapprovals" -> endpoints.approvals().handle(call);
      case "eligiblechildresources" -> endpoints.eligibleChildren().handle(call);
      default -> throw Routes.unknownType(call);
    };
  }

  /** Index of the last {@code /providers/Microsoft.Authorization} segment (followed by {@code /} or the end), or -1. */
  private static int lastAuthorizationProvider(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    int at = lower.lastIndexOf(AUTHORIZATION);
    while (at >= 0) {
      int after = at + AUTHORIZATION.length();
      if (after == lower.length() || lower.charAt(after) == '/') {
        return at;
      }
      at = lower.lastIndexOf(AUTHORIZATION, at - 1);
    }
    return -1;
  }
}
