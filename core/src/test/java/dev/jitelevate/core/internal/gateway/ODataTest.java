package dev.jitelevate.core.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ODataTest {

  @Test
  void quotesALiteralAndDoublesItsQuotes() {
    assertThat(OData.literal("O'Brien's group")).isEqualTo("'O''Brien''s group'");
  }

  @Test
  void aValueCannotEndTheStringAndAddAClause() {
    assertThat(OData.eq("principalId", "x' or principalId ne 'y"))
        .isEqualTo("principalId eq 'x'' or principalId ne ''y'");
  }

  @Test
  void leavesAPlainIdAsItIs() {
    assertThat(OData.eq("groupId", "9a9a9a9a-0000-4000-8000-000000000001"))
        .isEqualTo("groupId eq '9a9a9a9a-0000-4000-8000-000000000001'");
  }
}
