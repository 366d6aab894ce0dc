package dev.jitelevate.pimconfig.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlSchemaTest {
  private static final String FIX = "Fix it to match rules.schema.json.";
  private static final YamlSchema SCHEMA = YamlSchema.fromResource(YamlSchemaTest.class, "rules.schema.json", FIX);

  @Test
  void acceptsADocumentThatMatches() {
    YamlDocument doc = YamlDocument.parse("version: 1\nrules:\n  - name: deploy\n    grant: allow\n");

    assertThat(SCHEMA.validate(doc)).isEmpty();
  }

  @Test
  void namesEachViolationsPathLineAndWhatIsWrongFirstLineFirst() {
    YamlDocument doc = YamlDocument.parse("""
        version: 1
        rules:
          - name: deploy
            grant: allow
          - name: release
            grant: maybe
        owner: ops
        """);

    List<YamlSchema.Violation> violations = SCHEMA.validate(doc);

    assertThat(violations).extracting(YamlSchema.Violation::path, YamlSchema.Violation::line)
        .containsExactly(tuple("$", 1), tuple("$.rules[1].grant", 6));
    assertThat(violations.get(0).message()).isEqualTo(
        "$: property 'owner' is not defined in the schema and the schema does not allow additional properties");
    assertThat(violations.get(1).message())
        .isEqualTo("$.rules[1].grant: does not have a value in the enumeration [\"allow\", \"deny\"]");
  }

  @Test
  void checkThrowsTheFirstViolationWithItsLineHowManyMoreAndTheFix() {
    YamlDocument doc = YamlDocument.parse("rules:\n  - grant: maybe\n");

    assertThatThrownBy(() -> SCHEMA.check(doc)).isInstanceOfSatisfying(YamlProblem.class, problem -> {
      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.problem()).isEqualTo("$: required property 'version' not found (and 1 more).");
      assertThat(problem.fix()).isEqualTo(FIX);
    });
  }
}
