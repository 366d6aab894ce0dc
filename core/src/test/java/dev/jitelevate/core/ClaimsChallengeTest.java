package dev.jitelevate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimsChallengeTest {
  private static final String WRITTEN = "{\"access_token\":{\"acrs\":{\"essential\":true, \"value\":\"c1\"}}}";

  @Test
  void readsTheUrlEncodedChallengeArmPutsInTheMessage() {
    assertThat(ClaimsChallenge.fromMessage("RoleAssignmentRequestAcrsValidationFailed: &claims=%7B%22access_token%22%3A"
        + "%7B%22acrs%22%3A%7B%22essential%22%3Atrue%2C%20%22value%22%3A%22c1%22%7D%7D%7D"))
        .contains(new ClaimsChallenge(WRITTEN, "c1"));
  }

  @Test
  void readsAChallengeWrittenUnencoded() {
    assertThat(ClaimsChallenge.fromMessage("&claims=" + WRITTEN.replace(" ", ""))).hasValueSatisfying(
        c -> assertThat(c.authenticationContext()).isEqualTo("c1"));
  }

  @Test
  void aMessageWithoutAnAuthenticationContextIsNoChallenge() {
    assertThat(ClaimsChallenge.fromMessage("The following policy rules failed: [\"MfaRule\"]")).isEmpty();
    assertThat(ClaimsChallenge.fromMessage(null)).isEmpty();
  }

  @Test
  void forContextSpellsTheClaimsAsPimDoes() {
    assertThat(ClaimsChallenge.forContext("c1").claims()).isEqualTo(WRITTEN);
  }
}
