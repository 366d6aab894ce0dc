package dev.jitelevate.runner.broker;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A stand-in GitHub OIDC issuer for unit tests: one RSA key, tokens with GitHub's claims. */
final class TestIssuer {
  static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
  final RSAKey key = generate("test-kid");

  JWKSet jwks() {
    return new JWKSet(key.toPublicJWK());
  }

  IssuerKeys keys() {
    JWKSet set = jwks();
    return () -> set;
  }

  /** A token like the grant job of the reusable workflow gets, for contoso/payments in production. */
  String token(UnaryOperator<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(IssuerKeys.GITHUB_ISSUER).audience(BrokerPolicy.DEFAULT_AUDIENCE)
        .subject("repo:contoso/payments:environment:production")
        .issueTime(Date.from(NOW)).notBeforeTime(Date.from(NOW.minusSeconds(5)))
        .expirationTime(Date.from(NOW.plusSeconds(300)));
    Map.of("repository", "contoso/payments", "repository_owner", "contoso", "ref", "refs/heads/main",
        "ref_protected", "true", "environment", "production", "event_name", "push",
        "job_workflow_ref", "contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1", "actor", "octocat")
        .forEach(claims::claim);
    return sign(change.apply(claims).build(), key);
  }

  static String sign(JWTClaimsSet claims, RSAKey with) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
