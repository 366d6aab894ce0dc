package dev.jitelevate.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.emulator.kernel.ODataFilter;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArmFiltersTest {
  @Test
  void aDoubledQuoteInsideALiteralIsOneQuoteAsInODataNotTheEndOfTheTerm() {
    ODataFilter f = ArmFilters.parse(Optional.of("roleName eq 'Owner'' or roleName eq ''x'"), Set.of("rolename"));

    assertThat(f.value("rolename")).contains("Owner' or roleName eq 'x");
  }

  @Test
  void andInsideALiteralDoesNotSplitTheFilter() {
    ODataFilter f = ArmFilters.parse(Optional.of("roleName eq 'Reader and Writer' and atScope()"),
        Set.of("rolename", "atscope()"));

    assertThat(f.value("rolename")).contains("Reader and Writer");
    assertThat(f.has("atscope()")).isTrue();
  }

  @Test
  void aTermTheListDoesNotSupportIsInvalidFilterNamingWhatIsSupported() {
    assertThatThrownBy(() -> ArmFilters.parse(Optional.of("atScope() and status eq 'x'"), Set.of("atscope()")))
        .isInstanceOfSatisfying(ArmException.class, e -> {
          assertThat(e.code()).isEqualTo("InvalidFilter");
          assertThat(e.getMessage()).contains("Supported filters: atscope()");
        });
    assertThatThrownBy(() -> ArmFilters.parse(Optional.of("atScope() or asTarget()"), Set.of("atscope()", "astarget()")))
        .isInstanceOfSatisfying(ArmException.class, e -> assertThat(e.code()).isEqualTo("InvalidFilter"));
  }
}
