package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** A plan as JSON: {@code {file, fingerprint, hasChanges, changes[], undeclared[]}}. */
final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanJson() {}

  static String write(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("file", plan.file()).put("fingerprint", plan.fingerprint()).put("hasChanges", plan.hasChanges());
    changes(root.putArray("changes"), plan.changes());
    changes(root.putArray("undeclared"), plan.undeclared());
    return root.toPrettyString();
  }

  /** The fingerprint of a saved plan, or empty text when the JSON carries none. */
  static String fingerprintOf(String json) {
    try {
      return JSON.readTree(json).path("fingerprint").asText("");
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static void changes(ArrayNode array, List<Change> changes) {
    for (Change c : changes) {
      ObjectNode node = array.addObject();
      node.put("surface", c.surface().name().toLowerCase(Locale.ROOT)).put("action", c.action().name().toLowerCase(Locale.ROOT))
          .put("symbol", c.action().symbol()).put("subject", c.subject());
      if (c.location().line() > 0) {
        node.put("file", c.location().file()).put("line", c.location().line());
      }
      ArrayNode details = node.putArray("details");
      c.details().forEach(d -> details.addObject().put("name", d.name()).put("before", d.before()).put("after", d.after()));
    }
  }
}
