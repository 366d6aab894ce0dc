package dev.jitelevate.runner.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.Durations;
import dev.jitelevate.pimconfig.yaml.YamlDocument;
import dev.jitelevate.pimconfig.yaml.YamlProblem;
import dev.jitelevate.pimconfig.yaml.YamlSchema;
import dev.jitelevate.runner.cli.CliInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an auto-approver policy file (YAML, {@code approvals-policy.schema.json}): every error names the file and
 * line, says what is wrong and how to fix it.
 */
final class AutoApprovalPolicyReader {
  static final String SCHEMA_RESOURCE = "approvals-policy.schema.json";
  private static final YamlSchema SCHEMA = YamlSchema.fromResource(AutoApprovalPolicyReader.class, SCHEMA_RESOURCE,
      "Fix it to match approvals-policy.schema.json (docs/approvals.md).");
  private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
      DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
  private final YamlDocument tree;
  private final String file;

  private AutoApprovalPolicyReader(YamlDocument tree, String file) {
    this.tree = tree;
    this.file = file;
  }

  /**
   * Parses and checks a policy.
   *
   * @throws CliInputException naming {@code --policy}, the file and line, for any fault
   */
  static AutoApprovalPolicy parse(String yaml, String file) {
    YamlDocument tree;
    try {
      tree = YamlDocument.parse(yaml);
      SCHEMA.check(tree);
    } catch (YamlProblem e) {
      throw new CliInputException("--policy", at(file, e.line()) + e.problem(), e.fix());
    }
    AutoApprovalPolicyReader reader = new AutoApprovalPolicyReader(tree, file);
    return reader.model();
  }

  private AutoApprovalPolicy model() {
    JsonNode root = tree.root();
    ZoneId zone = zone(root.path("timeZone"));
    Optional<WorkingHours> hours = root.has("workingHours") ? Optional.of(hours(root.get("workingHours")))
        : Optional.empty();
    List<AutoApprovalRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < root.path("rules").size(); i++) {
      String path = "$.rules[" + i + "]";
      AutoApprovalRule rule = rule(root.path("rules").get(i), path, hours.isPresent());
      if (!names.add(rule.name().toLowerCase(java.util.Locale.ROOT))) {
        throw fault(path + ".name", "the rule name '" + rule.name() + "' is used twice", "Give each rule its own name.");
      }
      rules.add(rule);
    }
    return new AutoApprovalPolicy(zone, hours, rules);
  }

  private AutoApprovalRule rule(JsonNode n, String path, boolean haveHours) {
    Surface surface = Surface.valueOf(n.get("surface").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    Duration max;
    try {
      max = Durations.parse("maxDuration", n.get("maxDuration").asText());
    } catch (RuntimeException e) {
      throw fault(path + ".maxDuration", "'" + n.get("maxDuration").asText() + "' is not a duration",
          "Write it as 30m, 2h or PT1H.");
    }
    Optional<Pattern> ticket = Optional.empty();
    if (n.has("ticketPattern")) {
      try {
        ticket = Optional.of(Pattern.compile(n.get("ticketPattern").asText()));
      } catch (PatternSyntaxException e) {
        throw fault(path + ".ticketPattern", "the ticket pattern is not a valid regular expression: "
            + e.getDescription(), "Fix the pattern, e.g. INC-[0-9]+.");
      }
    }
    boolean hoursOnly = n.has("workingHoursOnly") ? n.get("workingHoursOnly").asBoolean() : haveHours;
    if (hoursOnly && !haveHours) {
      throw fault(path + ".workingHoursOnly", "the rule keeps to working hours but the policy defines none",
          "Add workingHours (from, to, days) at the top, or drop workingHoursOnly.");
    }
    return new AutoApprovalRule(n.get("name").asText(), surface, strings(n.get("roles")), strings(n.get("scopes")), max,
        ticket, hoursOnly);
  }

  private ZoneId zone(JsonNode value) {
    if (value.isMissingNode()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(value.asText());
    } catch (DateTimeException e) {
      throw fault("$.timeZone", "'" + value.asText() + "' is not a time zone", "Use an IANA name such as Europe/Berlin.");
    }
  }

  private WorkingHours hours(JsonNode n) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (n.has("days")) {
      n.get("days").forEach(d -> days.add(java.util.Arrays.stream(DayOfWeek.values())
          .filter(w -> w.name().startsWith(d.asText())).findFirst().orElseThrow()));
    } else {
      days.addAll(WEEKDAYS);
    }
    LocalTime from = LocalTime.parse(n.get("from").asText());
    LocalTime to = LocalTime.parse(n.get("to").asText());
    if (from.equals(to)) {
      throw fault("$.workingHours.to", "working hours from " + from + " to " + to + " are empty",
          "Give an end after the start (or before it, for a window over midnight).");
    }
    return new WorkingHours(days, from, to);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private CliInputException fault(String path, String problem, String fix) {
    return new CliInputException("--policy", at(file, tree.lineOf(path)) + problem + ".", fix);
  }

  private static String at(String file, int line) {
    return file + (line > 0 ? ":" + line : "") + ": ";
  }
}
