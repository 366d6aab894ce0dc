package dev.jitelevate.emulator.entra;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the emulator's RSA-2048 token signing keys (one per issuer) in a directory of the user's, so that later
 * emulator runs on this machine reuse them instead of generating new ones: an RSA key costs 0.2–1.5 s of CPU in a
 * C1-only JVM such as the CLI's, and the emulator needs two. Like a real issuer's, the keys outlive one run;
 * they sign tokens for a loopback emulator only. Files are owner-only PKCS#8; a file that cannot be read as an
 * RSA key is replaced by a new key, and a directory that cannot be written to only costs the reuse.
 */
public final class SigningKeyCache {
  private final Path directory;

  private SigningKeyCache(Path directory) {
    this.directory = directory;
  }

  /** A cache in this directory (created on first write). */
  public static SigningKeyCache in(Path directory) {
    return new SigningKeyCache(Objects.requireNonNull(directory, "directory").toAbsolutePath());
  }

  /** The directory holding the keys. */
  public Path directory() {
    return directory;
  }

  /** This issuer's key from the cache, or a new one from {@code generate}, then kept for the next run. */
  KeyPair keys(String issuer, Supplier<KeyPair> generate) {
    Path file = directory.resolve(issuer + "-signing-key.pk8");
    return read(file).orElseGet(() -> {
      KeyPair fresh = generate.get();
      write(file, fresh);
      return fresh;
    });
  }

  static Optional<KeyPair> read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file))) instanceof RSAPrivateCrtKey key)
          || key.getModulus().bitLength() < 2048) {
        return Optional.empty();
      }
      return Optional.of(new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private void write(Path file, KeyPair keys) {
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      ownerOnly(temp);
      Files.write(temp, keys.getPrivate().getEncoded());
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the temp file already has the platform's private default
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException ignored) {
      // best effort: a stray temp file in the cache directory
    }
  }

  @Override
  public String toString() {
    return "SigningKeyCache[" + directory + "]";
  }
}
