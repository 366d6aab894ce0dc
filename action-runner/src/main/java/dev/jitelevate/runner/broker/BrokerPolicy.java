package dev.jitelevate.runner.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A broker policy: rules from verified GitHub ID token claims to what the broker may grant. Default deny: a
 * request is allowed only by an allow rule whose claims and limits both match; a deny rule names the reason
 * for what it covers, and no allow rule may overlap it (refused when the file is read).
 */
public final class BrokerPolicy {
  /** The audience GitHub ID tokens for Entra carry (as azure/login requests them). */
  public static final String DEFAULT_AUDIENCE = "api://AzureADTokenExchange";
  private final String file;
  private final String issuer;
  private final String audience;
  private final List<PolicyRule> rules;

  BrokerPolicy(String file, String issuer, String audience, List<PolicyRule> rules) {
    this.file = file;
    this.issuer = issuer;
    this.audience = audience;
    this.rules = List.copyOf(rules);
  }

  /**
   * Reads and checks a policy file.
   *
   * @throws PolicyException naming the file, the line and the fix when it cannot be used
   */
  public static BrokerPolicy load(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (NoSuchFileException e) {
      throw new PolicyException(path.toString(), 0, "The policy file does not exist.", "Give the path of a broker policy (YAML).");
    } catch (IOException e) {
      throw new PolicyException(path.toString(), 0, "The policy file cannot be read (" + e.getMessage() + ").", "Check its permissions.");
    }
  }

  /** Reads policy text; {@code file} names it in errors. */
  public static BrokerPolicy parse(String yaml, String file) {
    return PolicyReader.parse(yaml, file);
  }

  /** Decides a request on verified claims: the first deny rule, else the first allow rule that fits, else deny. */
  public Decision decide(VerifiedClaims claims, GrantRequest request) {
    List<PolicyRule> matching = rules.stream().filter(r -> r.matches(claims)).toList();
    Optional<PolicyRule> deny = matching.stream().filter(r -> !r.allow()).findFirst();
    if (deny.isPresent()) {
      return Decision.deny(Optional.of(deny.get().name()), "the token matches deny rule '" + deny.get().name() + "' ("
          + describe(deny.get()) + ")");
    }
    Optional<String> firstViolation = Optional.empty();
    Optional<String> firstRule = Optional.empty();
    for (PolicyRule rule : matching) {
      Optional<String> violation = rule.grant().orElseThrow().violation(request, claims);
      if (violation.isEmpty()) {
        return Decision.allow(rule.name(), request.describe() + " is within the rule (" + describe(rule) + ")");
      }
      if (firstViolation.isEmpty()) {
        firstViolation = violation;
        firstRule = Optional.of(rule.name());
      }
    }
    if (firstRule.isPresent()) {
      return Decision.deny(firstRule, "the token matches the rule but the request does not: " + firstViolation.get());
    }
    return Decision.deny(Optional.empty(), "no rule matches the token ("
        + claims.subject() + "); nothing is allowed unless a rule allows it");
  }

  /** The file as named. */
  public String file() {
    return file;
  }

  /** The ID token issuer the policy expects. */
  public String issuer() {
    return issuer;
  }

  /** The ID token audience the policy expects. */
  public String audience() {
    return audience;
  }

  /** The rules in file order. */
  public List<PolicyRule> rules() {
    return rules;
  }

  private static String describe(PolicyRule rule) {
    return rule.when().stream().map(ClaimCondition::describe).collect(Collectors.joining(", "));
  }
}
