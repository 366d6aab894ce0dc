package dev.jitelevate.emulator.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyCacheTest {
  @TempDir
  Path dir;

  private final AtomicInteger generated = new AtomicInteger();

  @Test
  void reusesTheKeyAnEarlierRunKeptForTheSameIssuer() throws Exception {
    KeyPair first = SigningKeyCache.in(dir).keys("entra", counting());
    KeyPair second = SigningKeyCache.in(dir).keys("entra", counting());

    assertThat(generated).hasValue(1);
    assertThat(second.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
    assertThat(second.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
    assertThat(verifies(second, signed(first))).isTrue();
  }

  @Test
  void keepsOneKeyPerIssuer() {
    KeyPair entra = SigningKeyCache.in(dir).keys("entra", counting());
    KeyPair github = SigningKeyCache.in(dir).keys("github", counting());

    assertThat(generated).hasValue(2);
    assertThat(github.getPublic()).isNotEqualTo(entra.getPublic());
  }

  @Test
  void replacesAFileThatIsNotAnRsaKey() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("entra-signing-key.pk8"), "not a key");

    KeyPair keys = SigningKeyCache.in(dir).keys("entra", counting());

    assertThat(generated).hasValue(1);
    assertThat(Files.readAllBytes(dir.resolve("entra-signing-key.pk8"))).isEqualTo(keys.getPrivate().getEncoded());
  }

  @Test
  void writesTheKeyReadableByItsOwnerOnly() throws Exception {
    SigningKeyCache.in(dir.resolve("nested")).keys("github", counting());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("nested/github-signing-key.pk8"))))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir.resolve("nested"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void stillHandsOutAKeyWhenTheDirectoryCannotBeWritten() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");

    KeyPair keys = SigningKeyCache.in(file.resolve("keys")).keys("entra", counting());

    assertThat(keys.getPrivate()).isNotNull();
    assertThat(generated).hasValue(1);
  }

  private Supplier<KeyPair> counting() {
    return () -> {
      generated.incrementAndGet();
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static byte[] signed(KeyPair keys) throws Exception {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(keys.getPrivate());
    s.update("payload".getBytes());
    return s.sign();
  }

  private static boolean verifies(KeyPair keys, byte[] signature) throws Exception {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initVerify(keys.getPublic());
    s.update("payload".getBytes());
    return s.verify(signature);
  }
}
