package dev.jitelevate.runner.doctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The doctor's result for people (one block per finding) and for machines ({@code --json}). */
final class DoctorReport {
  private final SetUp setUp;
  private final List<Finding> findings;

  DoctorReport(SetUp setUp, List<Finding> findings) {
    this.setUp = setUp;
    this.findings = List.copyOf(findings);
  }

  /** What the checks found (none: the set-up is sound). */
  List<Finding> findings() {
    return findings;
  }

  String text() {
    StringBuilder b = new StringBuilder();
    b.append("Broker ").append(setUp.brokerAppId()).append(": ").append(setUp.brokerCredentials().size())
        .append(" federated credential(s), ").append(setUp.brokerAssignments().size()).append(" role assignment(s); ")
        .append(setUp.workloadCredentials().size()).append(" workload identit")
        .append(setUp.workloadCredentials().size() == 1 ? "y" : "ies").append(" compared.");
    if (findings.isEmpty()) {
      return b.append(System.lineSeparator()).append("No findings: the set-up keeps the broker out of the work jobs'"
          + " reach and its rights within the policy.").toString();
    }
    b.append(System.lineSeparator()).append(findings.size()).append(" finding(s):");
    for (Finding f : findings) {
      b.append(System.lineSeparator()).append(System.lineSeparator()).append("[").append(f.code().code()).append("] ")
          .append(f.problem()).append(System.lineSeparator()).append("  fix: ").append(f.fix());
    }
    return b.toString();
  }

  String json() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("broker", setUp.brokerAppId()).put("brokerObjectId", setUp.brokerObjectId())
        .put("ok", findings.isEmpty());
    ArrayNode workloads = root.putArray("workloads");
    setUp.workloadCredentials().keySet().forEach(workloads::add);
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      list.addObject().put("code", f.code().code()).put("problem", f.problem()).put("fix", f.fix());
    }
    return root.toPrettyString();
  }
}
