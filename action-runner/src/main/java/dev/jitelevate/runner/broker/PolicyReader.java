package dev.jitelevate.runner.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.core.Durations;
import dev.jitelevate.pimconfig.yaml.YamlDocument;
import dev.jitelevate.pimconfig.yaml.YamlProblem;
import dev.jitelevate.pimconfig.yaml.YamlSchema;
import dev.jitelevate.runner.cli.TargetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a policy file: YAML with lines, unknown claims, the schema, the model, then rule names and overlaps. */
final class PolicyReader {
  static final String SCHEMA_RESOURCE = "broker-policy.schema.json";
  static final YamlSchema SCHEMA = YamlSchema.fromResource(PolicyReader.class, SCHEMA_RESOURCE,
      "Fix it to match broker-policy.schema.json (docs/security-model.md).");
  private final YamlDocument tree;
  private final String file;

  private PolicyReader(YamlDocument tree, String file) {
    this.tree = tree;
    this.file = file;
  }

  static BrokerPolicy parse(String yaml, String file) {
    PolicyReader reader;
    try {
      YamlDocument tree = YamlDocument.parse(yaml);
      reader = new PolicyReader(tree, file);
      reader.refuseUnknownClaims();
      SCHEMA.check(tree);
    } catch (YamlProblem e) {
      throw new PolicyException(file, e.line(), e.problem(), e.fix());
    }
    BrokerPolicy policy = reader.model();
    reader.refuseDuplicateNames(policy.rules());
    reader.refuseOverlaps(policy.rules());
    return policy;
  }

  private void refuseUnknownClaims() {
    JsonNode rules = tree.root().path("rules");
    for (int i = 0; i < rules.size(); i++) {
      Iterator<String> names = rules.get(i).path("when").fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (ClaimName.of(name).isEmpty()) {
          throw new PolicyException(file, tree.lineOf("$.rules[" + i + "].when." + name), "Unknown claim '" + name
              + "' in rule '" + rules.get(i).path("name").asText("#" + (i + 1)) + "'.",
              "A rule may match only these verified claims: " + ClaimName.known() + ".");
        }
      }
    }
  }

  private BrokerPolicy model() {
    JsonNode root = tree.root();
    List<PolicyRule> rules = new ArrayList<>();
    JsonNode declared = root.path("rules");
    for (int i = 0; i < declared.size(); i++) {
      rules.add(rule(declared.get(i), "$.rules[" + i + "]"));
    }
    return new BrokerPolicy(file, root.path("issuer").asText(IssuerKeys.GITHUB_ISSUER),
        root.path("audience").asText(BrokerPolicy.DEFAULT_AUDIENCE), rules);
  }

  private PolicyRule rule(JsonNode node, String path) {
    List<ClaimCondition> when = new ArrayList<>();
    node.path("when").fields().forEachRemaining(e -> {
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(e.getValue().asText());
      }
      when.add(new ClaimCondition(ClaimName.of(e.getKey()).orElseThrow(), values));
    });
    boolean allow = "allow".equals(node.path("effect").asText());
    Optional<GrantLimits> grant = allow ? Optional.of(grant(node.path("grant"), path + ".grant")) : Optional.empty();
    return new PolicyRule(node.path("name").asText(), allow, when, grant, tree.lineOf(path));
  }

  private GrantLimits grant(JsonNode node, String path) {
    return new GrantLimits(TargetKind.parse(node.path("target").asText()), texts(node.path("roles")),
        optional(node, "scope-prefix"), texts(node.path("groups")), duration(node, path + ".max-duration"),
        node.path("ticket-required").asBoolean(false), pattern(node, path + ".justification-pattern"),
        optional(node, "approval-environment"));
  }

  private Duration duration(JsonNode grant, String path) {
    String text = grant.path("max-duration").asText();
    try {
      Duration d = Durations.parse("max-duration", text);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException();
      }
      return d;
    } catch (RuntimeException e) {
      throw new PolicyException(file, tree.lineOf(path), "max-duration '" + text + "' is not a duration.",
          "Write it like 30m, 1h, 1h30m or PT2H.");
    }
  }

  private Optional<Pattern> pattern(JsonNode grant, String path) {
    Optional<String> text = optional(grant, "justification-pattern");
    try {
      return text.map(Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw new PolicyException(file, tree.lineOf(path), "justification-pattern is not a regular expression ("
          + e.getDescription() + ").", "Fix the expression (Java regex syntax; it must match the whole justification).");
    }
  }

  private void refuseDuplicateNames(List<PolicyRule> rules) {
    Map<String, PolicyRule> seen = new HashMap<>();
    for (PolicyRule rule : rules) {
      PolicyRule earlier = seen.putIfAbsent(rule.name(), rule);
      if (earlier != null) {
        throw new PolicyException(file, rule.line(), "Rule name '" + rule.name() + "' is used again (first on line "
            + earlier.line() + ").", "Give every rule its own name; decisions and records name the rule.");
      }
    }
  }

  private void refuseOverlaps(List<PolicyRule> rules) {
    for (PolicyRule allow : rules) {
      for (PolicyRule deny : rules) {
        if (allow.allow() && !deny.allow() && allow.overlaps(deny)) {
          throw new PolicyException(file, allow.line(), "Allow rule '" + allow.name() + "' overlaps deny rule '"
              + deny.name() + "' (line " + deny.line() + "): a token can match both.",
              "Narrow the allow rule's `when` so that it excludes what '" + deny.name()
                  + "' denies (constrain the same claims with values the deny rule does not match).");
        }
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Optional<String> optional(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }
}
