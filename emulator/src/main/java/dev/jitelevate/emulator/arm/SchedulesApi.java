package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import java.util.Set;

/** Schedules and schedule instances of assignments and eligibilities: get and list. */
final class SchedulesApi {
  private static final Set<String> FILTERS = Set.of("atscope()", "principalid", "assignedto()", "astarget()", "roledefinitionid");

  private final RequestKind kind;
  private final boolean instances;
  private final ArmState state;
  private final ArmJson json;
  private final ScopeFilter scopes;
  private final ReadAccess access;

  SchedulesApi(RequestKind kind, boolean instances, ArmState state, ArmJson json, ScopeFilter scopes, ReadAccess access) {
    this.access = access;
    this.kind = kind;
    this.instances = instances;
    this.state = state;
    this.json = json;
    this.scopes = scopes;
  }

  EmulatorResponse handle(ArmCall call) {
    ApiVersions.PIM.require(call.request());
    Routes.requireMethod(call, "GET");
    Routes.requireMaxSegments(call, 2);
    String name = call.segment(1);
    ODataFilter filter = ArmFilters.parse(call.request().queryParam("$filter"), FILTERS);
    if (name == null) {
      access.requireList(call, filter);
      List<ObjectNode> values = state.schedules(kind).stream()
          .filter(s -> s.activeAt(call.now()) || !instances)
          .filter(s -> scopes.matches(call, filter, s.scope(), s.principalId(), s.roleGuid()))
          .map(s -> json.schedule(s, instances))
          .toList();
      return EmulatorResponse.json(200, ArmJson.list(values));
    }
    String type = instances ? kind.instanceType : kind.scheduleType;
    PimSchedule schedule = state.schedules(kind).stream()
        .filter(s -> (instances ? s.instanceName() : s.name()).equalsIgnoreCase(name) && s.scope().sameAs(call.scope()))
        .findFirst()
        .orElseThrow(() -> ArmErrors.notFound(type.substring(0, type.length() - 1) + "NotFound",
            "The " + type.substring(0, type.length() - 1) + " '" + name + "' does not exist at scope '" + call.scope().path() + "'."));
    access.requireItem(call, filter, schedule.principalId());
    return EmulatorResponse.json(200, json.schedule(schedule, instances));
  }
}
