package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The approval stages a scenario policy states, each its list of approver references. {@code approvers: [...]}
 * states one stage; {@code approvalStages: [{"approvers": [...]}, {"approvers": [...]}]} states one or two, run
 * in order ({@code approvalMode} {@code Serial} when two). Azure allows "one or two" stages (Graph
 * {@code approvalSettings.approvalStages}), so more are refused. Shared by the ARM and Graph surfaces.
 */
public final class ApprovalStageSettings {
  /** The most stages Azure allows in one approval rule. */
  public static final int MAX_STAGES = 2;

  private ApprovalStageSettings() {}

  /**
   * Reads the stages of a scenario policy entry.
   *
   * @return one list of approver references per stage (a single, possibly empty, stage when none are stated)
   * @throws IllegalArgumentException for more than two stages, an empty stage list, or both forms at once
   */
  public static List<List<String>> from(JsonNode entry) {
    JsonNode stages = entry.path("approvalStages");
    if (stages.isMissingNode() || stages.isNull()) {
      return List.of(references(entry.path("approvers")));
    }
    if (entry.has("approvers")) {
      throw new IllegalArgumentException("A scenario policy states both 'approvers' and 'approvalStages'; keep one"
          + " ('approvalStages' holds each stage's approvers).");
    }
    if (!stages.isArray() || stages.isEmpty() || stages.size() > MAX_STAGES) {
      throw new IllegalArgumentException("A scenario policy's 'approvalStages' has " + (stages.isArray()
          ? stages.size() : "no array of") + " stages; Azure allows one or two, each {\"approvers\": [...]}.");
    }
    List<List<String>> out = new ArrayList<>();
    for (JsonNode stage : stages) {
      out.add(references(stage.path("approvers")));
    }
    return List.copyOf(out);
  }

  /** The approval mode Azure reports for a number of stages. */
  public static String mode(int stageCount) {
    return stageCount > 1 ? "Serial" : "SingleStage";
  }

  private static List<String> references(JsonNode approvers) {
    List<String> out = new ArrayList<>();
    approvers.forEach(a -> out.add(a.asText()));
    return List.copyOf(out);
  }
}
