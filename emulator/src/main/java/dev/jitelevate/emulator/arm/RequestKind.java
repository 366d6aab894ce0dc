package dev.jitelevate.emulator.arm;

/** The two PIM request families and how their resources are spelled on the wire. */
enum RequestKind {
  ASSIGNMENT("RoleAssignmentScheduleRequests", "RoleAssignmentSchedules", "RoleAssignmentScheduleInstances",
      "targetRoleAssignmentScheduleId", "targetRoleAssignmentScheduleInstanceId", "roleAssignmentScheduleId"),
  ELIGIBILITY("RoleEligibilityScheduleRequests", "RoleEligibilitySchedules", "RoleEligibilityScheduleInstances",
      "targetRoleEligibilityScheduleId", "targetRoleEligibilityScheduleInstanceId", "roleEligibilityScheduleId");

  final String requestType;
  final String scheduleType;
  final String instanceType;
  final String targetScheduleField;
  final String targetInstanceField;
  final String scheduleIdField;

  RequestKind(String requestType, String scheduleType, String instanceType, String targetScheduleField,
      String targetInstanceField, String scheduleIdField) {
    this.requestType = requestType;
    this.scheduleType = scheduleType;
    this.instanceType = instanceType;
    this.targetScheduleField = targetScheduleField;
    this.targetInstanceField = targetInstanceField;
    this.scheduleIdField = scheduleIdField;
  }
}
