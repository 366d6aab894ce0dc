package dev.jitelevate.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LogLinesTest {
  @ParameterizedTest
  @ValueSource(strings = {"\u00A0", "\u2007", "\u202F", "\u0085", "\u3000", " \u00A0\t"})
  void breaksACommandAfterAnyWhiteSpaceThatTheRunnersTrimStartRemoves(String leading) {
    String defused = LogLines.defuse(leading + "::add-mask::x");
    assertThat(defused).isEqualTo(leading.replace('\u0085', ' ') + ": :add-mask::x");
  }

  @Test
  void leavesACommandMarkerInsideTheLineAlone() {
    assertThat(LogLines.defuse("see ::warning:: here")).isEqualTo("see ::warning:: here");
  }

  @Test
  void breaksTheLegacyMarkerAnywhere() {
    assertThat(LogLines.defuse("x ##[error]y")).isEqualTo("x # #[error]y");
  }
}
