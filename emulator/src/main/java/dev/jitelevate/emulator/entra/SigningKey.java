package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Json;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An RSA-2048 token signing key of one issuer, with its key id and JWKS entry. The key pair is generated on a
 * thread of its own from {@link #generate()} on: the emulator has two issuers (Entra, GitHub) and an RSA key
 * takes most of a second of CPU (far more in a C1-only JVM such as the CLI's), so both are made at once and
 * while the server starts, and the first signature waits for its key.
 */
final class SigningKey {
  private final CompletableFuture<KeyPair> keys;
  private final String kid;

  private SigningKey(CompletableFuture<KeyPair> keys, String kid) {
    this.keys = keys;
    this.kid = kid;
  }

  static SigningKey generate() {
    return generate(Optional.empty(), "");
  }

  /** A key for this issuer, from the emulator's {@link SigningKeyCache} when it has one. */
  static SigningKey generate(EmulatorContext context, String issuer) {
    return generate(context.find(SigningKeyCache.class), issuer);
  }

  private static SigningKey generate(Optional<SigningKeyCache> cache, String issuer) {
    Supplier<KeyPair> make = cache.<Supplier<KeyPair>>map(c -> () -> c.keys(issuer, SigningKey::rsa2048))
        .orElse(SigningKey::rsa2048);
    CompletableFuture<KeyPair> keys = CompletableFuture.supplyAsync(make, task -> {
      Thread thread = new Thread(task, "emulator-signing-key");
      thread.setDaemon(true);
      thread.start();
    });
    return new SigningKey(keys, UUID.randomUUID().toString().replace("-", "").substring(0, 27));
  }

  private static KeyPair rsa2048() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available in this JVM", e);
    }
  }

  private KeyPair keys() {
    return keys.join();
  }

  String kid() {
    return kid;
  }

  String sign(ObjectNode claims) {
    return Jwt.sign(claims, kid, keys().getPrivate());
  }

  boolean verifies(Jwt jwt) {
    return jwt.verifies(keys().getPublic());
  }

  /** The JWKS document ({@code {"keys":[…]}}) publishing this key. */
  ObjectNode jwks() {
    RSAPublicKey pub = (RSAPublicKey) keys().getPublic();
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
