package dev.jitelevate.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ODataQueryTest {

  private static ObjectNode entity(String principalId, String status) {
    ObjectNode o = Json.object();
    o.put("id", principalId + "-" + status);
    o.put("principalId", principalId);
    o.put("status", status);
    o.putNull("approvalId");
    return o;
  }

  @Nested
  class Filter {
    @Test
    void equalityClausesJoinedByAndMustAllMatchIgnoringCase() {
      ODataFilter filter = ODataQuery.parseFilter("principalId eq 'ABC' and (status eq 'pendingapproval')");
      assertThat(filter.matches(entity("abc", "PendingApproval"))).isTrue();
      assertThat(filter.matches(entity("abc", "Provisioned"))).isFalse();
      assertThat(filter.value("STATUS")).contains("pendingapproval");
    }

    @Test
    void doubledQuotesInALiteralAreOneQuote() {
      assertThat(ODataQuery.parseFilter("displayName eq 'O''Brien'").value("displayName")).contains("O'Brien");
    }

    @Test
    void eqNullMatchesNullProperties() {
      assertThat(ODataQuery.parseFilter("approvalId eq null").matches(entity("a", "Provisioned"))).isTrue();
    }

    @Test
    void orAndFunctionsAreRefusedWithAClearMessage() {
      assertThatThrownBy(() -> ODataQuery.parseFilter("a eq 'x' or b eq 'y'")).isInstanceOf(GraphException.class)
          .hasMessageContaining("'or'");
      assertThatThrownBy(() -> ODataQuery.parseFilter("startswith(displayName,'A')")).isInstanceOf(GraphException.class)
          .hasMessageContaining("Invalid filter clause");
      assertThatThrownBy(() -> ODataQuery.parseFilter("a eq 'unterminated")).hasMessageContaining("unterminated");
    }
  }

  @Nested
  class Options {
    @Test
    void nestedExpandIsParsedIntoItsOwnQuery() {
      ODataQuery query = ODataQuery.of(null, "policy($expand=rules),roleDefinition", null, null);
      assertThat(query.expands("policy")).isTrue();
      assertThat(query.expansion("policy").orElseThrow().expands("rules")).isTrue();
      assertThat(query.expands("roleDefinition")).isTrue();
      assertThat(query.expands("principal")).isFalse();
    }

    @Test
    void selectKeepsIdAndAnnotationsAndTopIsLeftToThePageSize() {
      ODataQuery query = ODataQuery.of("principalId eq 'a'", null, "status", "1");
      List<ObjectNode> out = query.apply(List.of(entity("a", "Provisioned"), entity("a", "Revoked"), entity("b", "X")));
      assertThat(query.top()).contains(1);
      assertThat(out).hasSize(2).allSatisfy(o -> {
        assertThat(o.has("id")).isTrue();
        assertThat(o.has("status")).isTrue();
        assertThat(o.has("principalId")).isFalse();
      });
    }

    @Test
    void aNegativeOrNonNumericTopIsABadRequest() {
      assertThatThrownBy(() -> ODataQuery.of(null, null, null, "-1")).hasMessageContaining("$top");
      assertThatThrownBy(() -> ODataQuery.of(null, null, null, "ten")).hasMessageContaining("$top");
    }

    @Test
    void unbalancedParenthesesInExpandAreABadRequest() {
      assertThatThrownBy(() -> ODataQuery.of(null, "policy($expand=rules", null, null))
          .hasMessageContaining("unbalanced");
    }
  }
}
