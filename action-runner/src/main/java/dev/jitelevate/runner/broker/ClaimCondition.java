package dev.jitelevate.runner.broker;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One claim a rule constrains: the token's value must equal one of {@code values}, where {@code *} matches any
 * run of characters (e.g. {@code contoso/broker/.github/workflows/jit.yml@refs/tags/*}).
 */
public record ClaimCondition(ClaimName claim, List<String> values) {
  public ClaimCondition {
    values = List.copyOf(values);
  }

  /** Whether the token's value (empty when it has none) satisfies the condition. */
  public boolean matches(Optional<String> actual) {
    return actual.map(a -> values.stream().anyMatch(v -> glob(v, a))).orElse(false);
  }

  /** Whether some token value could satisfy both conditions (conservative: two wildcards may always meet). */
  boolean intersects(ClaimCondition other) {
    for (String mine : values) {
      for (String theirs : other.values) {
        boolean bothWild = mine.contains("*") && theirs.contains("*");
        if (bothWild || glob(mine, theirs) || glob(theirs, mine)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The condition as written, e.g. {@code event_name in [push, workflow_dispatch]}. */
  public String describe() {
    return claim.claim() + (values.size() == 1 ? "=" + values.get(0) : " in " + values);
  }

  static boolean glob(String pattern, String value) {
    if (!pattern.contains("*")) {
      return pattern.equals(value);
    }
    String[] parts = pattern.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }
}
