package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.EmulatorResponse;

/** {@code permissions}: the caller's effective actions at a subscription, resource group or resource. */
final class PermissionsApi {
  private final RbacEvaluator rbac;
  private final ArmJson json;

  PermissionsApi(RbacEvaluator rbac, ArmJson json) {
    this.rbac = rbac;
    this.json = json;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.RBAC.require(call.request());
    Routes.requireMethod(call, "GET");
    Routes.requireMaxSegments(call, 1);
    if (call.scope().subscriptionId() == null) {
      throw Routes.unknownType(call);
    }
    return EmulatorResponse.json(200, json.permissions(rbac.effectiveRoles(call.identities(), call.scope())));
  }
}
