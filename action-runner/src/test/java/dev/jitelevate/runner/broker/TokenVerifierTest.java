package dev.jitelevate.runner.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
  final TestIssuer issuer = new TestIssuer();
  final TokenVerifier verifier = new TokenVerifier(issuer.keys(), IssuerKeys.GITHUB_ISSUER,
      BrokerPolicy.DEFAULT_AUDIENCE, Clock.fixed(TestIssuer.NOW, ZoneOffset.UTC));

  @Test
  void returnsThePolicyClaimsOfAVerifiedToken() {
    VerifiedClaims claims = verifier.verify(issuer.token(c -> c));

    assertThat(claims.get(ClaimName.REPOSITORY)).hasValue("contoso/payments");
    assertThat(claims.get(ClaimName.REF_PROTECTED)).hasValue("true");
    assertThat(claims.get(ClaimName.JOB_WORKFLOW_REF)).hasValue("contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1");
    assertThat(claims.subject()).isEqualTo("repo:contoso/payments:environment:production");
  }

  @Test
  void namesTheSignatureWhenAnotherKeySigned() {
    String forged = TestIssuer.sign(claimsOf(issuer.token(c -> c)), TestIssuer.generate("test-kid"));

    assertFails(forged, TokenCheck.SIGNATURE);
  }

  @Test
  void namesTheSignatureWhenTheKeyIdIsUnknown() {
    String other = TestIssuer.sign(claimsOf(issuer.token(c -> c)), TestIssuer.generate("other-kid"));

    assertFails(other, TokenCheck.SIGNATURE);
  }

  @Test
  void refusesAnUnsignedToken() {
    String token = issuer.token(c -> c);
    String none = "eyJhbGciOiJub25lIn0." + token.split("\\.")[1] + ".";

    assertFails(none, TokenCheck.FORMAT);
  }

  @Test
  void namesTheIssuer() {
    assertFails(issuer.token(c -> c.issuer("https://evil.example")), TokenCheck.ISSUER);
  }

  @Test
  void namesTheAudience() {
    assertFails(issuer.token(c -> c.audience("https://github.com/contoso")), TokenCheck.AUDIENCE);
  }

  @Test
  void namesTheExpiryOfAnExpiredToken() {
    assertFails(issuer.token(c -> c.expirationTime(Date.from(TestIssuer.NOW.minusSeconds(120)))), TokenCheck.EXPIRY);
  }

  @Test
  void namesTheExpiryOfATokenNotYetValid() {
    assertFails(issuer.token(c -> c.notBeforeTime(Date.from(TestIssuer.NOW.plusSeconds(600)))), TokenCheck.EXPIRY);
  }

  @Test
  void refusesSomethingThatIsNotAJwtWithoutEchoingIt() {
    assertThatThrownBy(() -> verifier.verify("not-a-token-secret-value"))
        .isInstanceOf(TokenVerificationException.class)
        .hasMessageNotContaining("secret-value")
        .extracting(e -> ((TokenVerificationException) e).check()).isEqualTo(TokenCheck.FORMAT);
  }

  private void assertFails(String token, TokenCheck check) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(TokenVerificationException.class)
        .hasMessageContaining("(" + check.label() + ")")
        .extracting(e -> ((TokenVerificationException) e).check()).isEqualTo(check);
  }

  private static com.nimbusds.jwt.JWTClaimsSet claimsOf(String token) {
    try {
      return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
