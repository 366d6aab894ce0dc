package dev.jitelevate.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void acceptsShortFormsAndIso8601() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("pt1m")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void rejectsAnythingElseNamingTheAcceptedForms() {
    assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("500ms, 5s, 2m, 1h");
    assertThatThrownBy(() -> Durations.parse("-PT5S")).hasMessageContaining("negative");
  }
}
