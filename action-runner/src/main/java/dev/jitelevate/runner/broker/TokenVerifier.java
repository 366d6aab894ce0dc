package dev.jitelevate.runner.broker;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a GitHub Actions ID token: RS256 signature against the issuer's JWKS (by key id), the issuer, the
 * audience and the lifetime (with a minute's clock skew), in that order; the first failure is reported.
 */
public final class TokenVerifier {
  static final Duration SKEW = Duration.ofSeconds(60);
  private final IssuerKeys keys;
  private final String issuer;
  private final String audience;
  private final Clock clock;

  /** A verifier expecting tokens from {@code issuer} for {@code audience}, signed by one of {@code keys}. */
  public TokenVerifier(IssuerKeys keys, String issuer, String audience, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
  }

  /**
   * Verifies the token and returns its claims.
   *
   * @throws TokenVerificationException naming the check that failed
   */
  public VerifiedClaims verify(String token) {
    SignedJWT jwt = parse(token);
    checkSignature(jwt);
    JWTClaimsSet claims = claimsOf(jwt);
    if (!issuer.equals(claims.getIssuer())) {
      throw new TokenVerificationException(TokenCheck.ISSUER, "the token was issued by '" + claims.getIssuer()
          + "', expected '" + issuer + "'.");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || !audiences.contains(audience)) {
      throw new TokenVerificationException(TokenCheck.AUDIENCE, "the token is for " + audiences + ", expected '"
          + audience + "'; request the token with that audience.");
    }
    checkLifetime(claims);
    Object runId = claims.getClaim("run_id");
    return new VerifiedClaims(policyClaims(claims), claims.getSubject(), runId == null ? null : String.valueOf(runId));
  }

  private static SignedJWT parse(String token) {
    try {
      return SignedJWT.parse(token == null ? "" : token.strip());
    } catch (ParseException e) {
      throw new TokenVerificationException(TokenCheck.FORMAT, "expected a compact JWS (header.payload.signature).");
    }
  }

  private void checkSignature(SignedJWT jwt) {
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw new TokenVerificationException(TokenCheck.SIGNATURE, "algorithm " + header.getAlgorithm()
          + " is not accepted; GitHub signs with RS256.");
    }
    List<JWK> candidates = keys.keys().getKeys().stream()
        .filter(k -> k instanceof RSAKey)
        .filter(k -> header.getKeyID() == null || header.getKeyID().equals(k.getKeyID()))
        .toList();
    if (candidates.isEmpty()) {
      throw new TokenVerificationException(TokenCheck.SIGNATURE, "no RSA key with id '" + header.getKeyID()
          + "' in the issuer's JWKS.");
    }
    for (JWK key : candidates) {
      if (verifies(jwt, (RSAKey) key)) {
        return;
      }
    }
    throw new TokenVerificationException(TokenCheck.SIGNATURE, "the signature does not verify with the issuer's keys.");
  }

  private static boolean verifies(SignedJWT jwt, RSAKey key) {
    try {
      return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()));
    } catch (JOSEException e) {
      return false;
    }
  }

  private static JWTClaimsSet claimsOf(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenVerificationException(TokenCheck.FORMAT, "its payload is not a JSON claims set.");
    }
  }

  private void checkLifetime(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null || !now.minus(SKEW).isBefore(exp.toInstant())) {
      throw new TokenVerificationException(TokenCheck.EXPIRY, exp == null ? "the token has no expiry (exp)."
          : "the token expired at " + exp.toInstant() + "; mint a fresh one.");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(SKEW).isBefore(nbf.toInstant())) {
      throw new TokenVerificationException(TokenCheck.EXPIRY, "the token is not valid before " + nbf.toInstant() + ".");
    }
  }

  private static Map<ClaimName, String> policyClaims(JWTClaimsSet claims) {
    Map<ClaimName, String> values = new EnumMap<>(ClaimName.class);
    for (ClaimName name : ClaimName.values()) {
      Optional.ofNullable(claims.getClaim(name.claim())).map(String::valueOf).filter(v -> !v.isEmpty())
          .ifPresent(v -> values.put(name, v));
    }
    return values;
  }
}
