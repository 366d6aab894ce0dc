package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.keyvault.SecretGenerator.CharacterClass;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

  @Test
  void everyValueHasTheLengthAndAtLeastOneCharacterOfEveryClass() {
    SecretGenerator generator = SecretGenerator.builder().length(12).build();
    for (int i = 0; i < 500; i++) {
      String value = generator.generate();
      assertThat(value).hasSize(12);
      for (CharacterClass c : CharacterClass.values()) {
        assertThat(value.chars().anyMatch(ch -> c.characters().indexOf(ch) >= 0)).as(c + " in a value").isTrue();
      }
    }
  }

  @Test
  void valuesUseOnlyTheChosenClasses() {
    SecretGenerator generator = SecretGenerator.builder().length(40).classes(CharacterClass.LOWER, CharacterClass.DIGIT).build();

    assertThat(generator.generate()).matches("[a-z0-9]{40}").containsPattern("[a-z]").containsPattern("[0-9]");
  }

  @Test
  void valuesDoNotRepeat() {
    SecretGenerator generator = SecretGenerator.defaults();
    Set<String> values = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      values.add(generator.generate());
    }
    assertThat(values).hasSize(1000);
  }

  @Test
  void aLengthOutsideTheLimitsIsRejectedWithTheLimits() {
    assertThatThrownBy(() -> SecretGenerator.builder().length(8).build())
        .isInstanceOf(InvalidElevationRequestException.class).hasMessageContaining("12 to 4096");
  }

  @Test
  void theDescriptionNamesThePolicyNotAValue() {
    assertThat(SecretGenerator.builder().length(16).build().toString()).isEqualTo(
        "SecretGenerator[length=16, classes=[UPPER, LOWER, DIGIT, SYMBOL]]");
  }
}
