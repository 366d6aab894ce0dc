package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** A compact JWS (RS256) token: signing and parsing. */
final class Jwt {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final JsonNode header;
  private final JsonNode claims;
  private final String signingInput;
  private final byte[] signature;

  private Jwt(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {
    this.header = header;
    this.claims = claims;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /** Signs the claims with RS256 under the key id. */
  static String sign(ObjectNode claims, String kid, PrivateKey key) {
    ObjectNode header = Json.object().put("typ", "JWT").put("alg", "RS256").put("kid", kid).put("x5t", kid);
    String input = ENCODER.encodeToString(Json.bytes(header)) + "." + ENCODER.encodeToString(Json.bytes(claims));
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + ENCODER.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }

  /** Parses a compact JWS without checking it; empty when it is not one. */
  static Optional<Jwt> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.trim().split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = Json.parse(DECODER.decode(parts[0]));
      JsonNode claims = Json.parse(DECODER.decode(parts[1]));
      if (!header.isObject() || !claims.isObject()) {
        return Optional.empty();
      }
      return Optional.of(new Jwt(header, claims, parts[0] + "." + parts[1], DECODER.decode(parts[2])));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the RS256 signature verifies with the key. */
  boolean verifies(PublicKey key) {
    if (!"RS256".equals(Json.text(header, "alg"))) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
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
  java.util.List<String> audiences() {
    JsonNode aud = claims.get("aud");
    if (aud == null || aud.isNull()) {
      return java.util.List.of();
    }
    if (aud.isArray()) {
      java.util.List<String> out = new java.util.ArrayList<>();
      aud.forEach(a -> out.add(a.asText()));
      return out;
    }
    return java.util.List.of(aud.asText());
  }
}
