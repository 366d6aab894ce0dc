package dev.jitelevate.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ODataFilterTest {
  @Test
  void aDoubledQuoteInsideALiteralIsOneQuoteAsInODataNotTheEndOfTheTerm() {
    ODataFilter f = ODataFilter.parse(Optional.of("roleName eq 'Owner'' or roleName eq ''x'"), Set.of("rolename"));

    assertThat(f.value("rolename")).contains("Owner' or roleName eq 'x");
  }

  @Test
  void andInsideALiteralDoesNotSplitTheFilter() {
    ODataFilter f = ODataFilter.parse(Optional.of("roleName eq 'Reader and Writer' and atScope()"),
        Set.of("rolename", "atscope()"));

    assertThat(f.value("rolename")).contains("Reader and Writer");
    assertThat(f.has("atscope()")).isTrue();
  }
}
