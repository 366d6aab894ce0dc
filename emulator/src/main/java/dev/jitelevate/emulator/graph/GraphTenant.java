package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Group;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The loaded tenant as the Graph surface serves it: PIM state, the engine deciding requests and the directory. */
final class GraphTenant {
  final PimState state;
  final PimEngine engine;
  final ApprovalGate approvals;
  final EmulatorContext context;

  GraphTenant(PimState state, EmulatorContext context) {
    this.state = state;
    this.context = context;
    this.engine = new PimEngine(state, context);
    this.approvals = new ApprovalGate(state, context);
  }

  Directory directory() {
    return context.require(Directory.class);
  }

  Instant now() {
    return context.clock().now();
  }

  /** Brings time-based state up to date (provisioning, time-outs, expiry). */
  void tick() {
    engine.provisioner().tick(now());
  }

  /** Active instances of a kind, including the standing ({@code Assigned}, never-expiring) group members and owners. */
  List<ActiveInstance> activeInstances(PimTarget.Kind kind) {
    List<ActiveInstance> out = new ArrayList<>(state.instances(kind));
    if (kind == PimTarget.Kind.GROUP) {
      for (Group group : directory().groups()) {
        if (state.isPimGroup(group.id())) {
          group.members().forEach(m -> out.add(standing(group, "member", m)));
          group.owners().forEach(o -> out.add(standing(group, "owner", o)));
        }
      }
    }
    return out;
  }

  private static ActiveInstance standing(Group group, String access, String principalId) {
    PimTarget target = PimTarget.group(group.id(), access);
    String id = PimIds.groupScheduleId(target, PimIds.stableGuid(group.id(), access, principalId));
    return new ActiveInstance(id, id, principalId.toLowerCase(Locale.ROOT), target, "Assigned", null, null, null,
        true, null);
  }
}
