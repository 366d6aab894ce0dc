package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import dev.jitelevate.emulator.kernel.Json;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A compact JWS (RS256) token, signed and parsed through the JOSE library (Nimbus). */
final class Jwt {
  private final JWSObject jws;
  private final JsonNode claims;

  private Jwt(JWSObject jws, JsonNode claims) {
    this.jws = jws;
    this.claims = claims;
  }

  /** Signs the claims with RS256 under the key id (also sent as {@code x5t}, as Entra does). */
  static String sign(ObjectNode claims, String kid, PrivateKey key) {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
        .x509CertThumbprint(new Base64URL(kid)).build();
    JWSObject jws = new JWSObject(header, new Payload(Json.bytes(claims)));
    try {
      jws.sign(new RSASSASigner(key));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }

  /** Parses a compact JWS without checking it; empty when it is not one. */
  static Optional<Jwt> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    try {
      JWSObject jws = JWSObject.parse(token.trim());
      JsonNode claims = Json.parse(jws.getPayload().toBytes());
      return claims.isObject() ? Optional.of(new Jwt(jws, claims)) : Optional.empty();
    } catch (ParseException | RuntimeException notAJws) {
      return Optional.empty();
    }
  }

  /** Whether the RS256 signature verifies with the key. */
  boolean verifies(PublicKey key) {
    if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) || !(key instanceof RSAPublicKey rsa)) {
      return false;
    }
    try {
      return jws.verify(new RSASSAVerifier(rsa));
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  JsonNode claims() {
    return claims;
  }

  String claim(String name) {
    return Json.text(claims, name);
  }

  /** A NumericDate claim ({@code exp}, {@code nbf}, {@code iat}), or empty. */
  Optional<Instant> time(String name) {
    JsonNode value = claims.get(name);
    return value != null && value.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(value.asLong())) : Optional.empty();
  }

  /** The audiences: the {@code aud} string or each element of an {@code aud} array. */
  List<String> audiences() {
    JsonNode aud = claims.get("aud");
    if (aud == null || aud.isNull()) {
      return List.of();
    }
    if (aud.isArray()) {
      List<String> out = new ArrayList<>();
      aud.forEach(a -> out.add(a.asText()));
      return out;
    }
    return List.of(aud.asText());
  }
}
