package dev.jitelevate.emulator.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ODataFilterTest {
  @Test
  void readsFunctionsAndEqualitiesJoinedByAndInOneGrammar() {
    ODataFilter f = ODataFilter.parse("atScope() and assignedTo('abc') and (principalId eq 'p1')");

    assertThat(f.has("atscope()")).isTrue();
    assertThat(f.value("assignedTo()")).contains("abc");
    assertThat(f.value("PRINCIPALID")).contains("p1");
    assertThat(f.has("principalId()")).as("a property is not a function").isFalse();
  }

  @Test
  void aFunctionWithoutArgumentsHasAnEmptyValue() {
    assertThat(ODataFilter.parse("asTarget()").value("astarget()")).contains("");
  }

  @Test
  void functionsMayTakeSeveralArguments() {
    ODataFilter.Term term = ODataFilter.parse("startswith(displayName,'A')").terms().get(0);

    assertThat(term.function()).isTrue();
    assertThat(term.args()).containsExactly("displayName", "A");
  }

  @Test
  void eqNullIsANullValueAndMatchesAbsentOrNullFields() {
    ODataFilter f = ODataFilter.parse("approvalId eq null");

    assertThat(f.terms().get(0).value()).isNull();
    assertThat(f.matches(Json.object().putNull("approvalId"))).isTrue();
    assertThat(f.matches(Json.object().put("approvalId", "x"))).isFalse();
  }

  @Test
  void orNotAndOtherOperatorsAreRefusedWithWhatWasWrong() {
    assertThatThrownBy(() -> ODataFilter.parse("a eq 'x' or b eq 'y'"))
        .isInstanceOf(ODataFilter.InvalidFilterException.class).hasMessageContaining("'or'");
    assertThatThrownBy(() -> ODataFilter.parse("not a eq 'x'")).hasMessageContaining("'not'");
    assertThatThrownBy(() -> ODataFilter.parse("a ne 'x'")).hasMessageContaining("Invalid filter clause");
    assertThatThrownBy(() -> ODataFilter.parse("a eq 'x' and")).hasMessageContaining("Invalid filter clause");
    assertThatThrownBy(() -> ODataFilter.parse("atScope(")).hasMessageContaining("Invalid filter clause");
  }

  @Test
  void blankIsNoFilter() {
    assertThat(ODataFilter.parse("  ").isEmpty()).isTrue();
    assertThat(ODataFilter.parse(null)).isSameAs(ODataFilter.NONE);
  }
}
