package dev.jitelevate.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows the Logs Ingestion surface accepted, per rule and stream, in arrival order: what a workspace query
 * would return, for tests to read back. Thread-safe; cleared when a scenario is (re)loaded.
 */
public final class IngestedLogs {
  private final Map<String, List<JsonNode>> rows = new ConcurrentHashMap<>();

  /** The rows accepted for a rule's stream so far (a copy). */
  public List<JsonNode> rows(String ruleImmutableId, String stream) {
    List<JsonNode> list = rows.get(key(ruleImmutableId, stream));
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  /** How many rows every stream holds, keyed {@code ruleId/stream}. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    rows.forEach((k, v) -> {
      synchronized (v) {
        counts.put(k, v.size());
      }
    });
    return counts;
  }

  void append(String ruleImmutableId, String stream, List<JsonNode> accepted) {
    List<JsonNode> list = rows.computeIfAbsent(key(ruleImmutableId, stream), k -> new ArrayList<>());
    synchronized (list) {
      accepted.forEach(r -> list.add(r.deepCopy()));
    }
  }

  void clear() {
    rows.clear();
  }

  private static String key(String ruleImmutableId, String stream) {
    return ruleImmutableId + "/" + stream;
  }
}
