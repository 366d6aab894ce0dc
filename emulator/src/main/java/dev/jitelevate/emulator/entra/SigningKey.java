package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/** An RSA-2048 token signing key of one issuer, with its key id and JWKS entry. */
final class SigningKey {
  private final KeyPair keys;
  private final String kid;

  private SigningKey(KeyPair keys, String kid) {
    this.keys = keys;
    this.kid = kid;
  }

  static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new SigningKey(generator.generateKeyPair(), UUID.randomUUID().toString().replace("-", "").substring(0, 27));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available in this JVM", e);
    }
  }

  String kid() {
    return kid;
  }

  String sign(ObjectNode claims) {
    return Jwt.sign(claims, kid, keys.getPrivate());
  }

  boolean verifies(Jwt jwt) {
    return jwt.verifies(keys.getPublic());
  }

  /** The JWKS document ({@code {"keys":[…]}}) publishing this key. */
  ObjectNode jwks() {
    RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
    ObjectNode jwks = Json.object();
    jwks.putArray("keys").addObject()
        .put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid).put("x5t", kid)
        .put("n", base64Unsigned(pub.getModulus())).put("e", base64Unsigned(pub.getPublicExponent()));
    return jwks;
  }

  private static String base64Unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
