package dev.jitelevate.core.internal.gateway.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleNamesTest {
  @Test
  void anInvisibleCharacterInARoleNameIsShownSoTheMessageExplainsTheMismatch() {
    assertThat(RoleResolver.visible("Owner\u200B")).isEqualTo("Owner\\u200b");
    assertThat(RoleResolver.visible("Key\u00A0Vault")).isEqualTo("Key\\u00a0Vault");
  }

  @Test
  void anOrdinaryRoleNameIsShownAsItIs() {
    assertThat(RoleResolver.visible("Key Vault Secrets Officer")).isEqualTo("Key Vault Secrets Officer");
  }
}
