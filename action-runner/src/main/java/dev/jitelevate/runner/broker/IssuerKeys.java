package dev.jitelevate.runner.broker;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/** Where the issuer's signing keys (a JWKS) come from: its {@code jwks_uri} or a file saved from it. */
@FunctionalInterface
public interface IssuerKeys {
  /** GitHub Actions' issuer. */
  String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";

  /**
   * Reads the key set.
   *
   * @throws TokenVerificationException ({@link TokenCheck#KEYS}) when it cannot be read or parsed
   */
  JWKSet keys();

  /** The keys GitHub Actions' issuer publishes. */
  static IssuerKeys github() {
    return fromUrl(URI.create(GITHUB_ISSUER + "/.well-known/jwks"));
  }

  /** The keys at a {@code jwks_uri} (https, or http for a local emulator), fetched on each call. */
  static IssuerKeys fromUrl(URI jwksUri) {
    return () -> {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(20)).GET().build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new TokenVerificationException(TokenCheck.KEYS, jwksUri + " answered HTTP " + response.statusCode() + ".");
        }
        return parse(response.body(), jwksUri.toString());
      } catch (IOException e) {
        throw new TokenVerificationException(TokenCheck.KEYS, jwksUri + " cannot be reached (" + e.getMessage() + ").");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenVerificationException(TokenCheck.KEYS, "interrupted while reading " + jwksUri + ".");
      }
    };
  }

  /** A JWKS document someone else fetched (e.g. through the cloud's trusted HTTP client). */
  static IssuerKeys fromJson(String json, String origin) {
    JWKSet set = parse(json, origin);
    return () -> set;
  }

  /** Keys that could not be fetched: every verification fails on {@link TokenCheck#KEYS} with this reason. */
  static IssuerKeys unavailable(String reason) {
    return () -> {
      throw new TokenVerificationException(TokenCheck.KEYS, reason);
    };
  }

  /** The keys in a JWKS file. */
  static IssuerKeys fromFile(Path file) {
    return () -> {
      try {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
      } catch (IOException e) {
        throw new TokenVerificationException(TokenCheck.KEYS, "the file " + file + " cannot be read.");
      }
    };
  }

  /**
   * Parses a JWKS document fetched elsewhere.
   *
   * @param origin where it came from, for messages
   * @throws TokenVerificationException ({@link TokenCheck#KEYS}) when it is not a JWKS
   */
  static JWKSet parse(String json, String origin) {
    try {
      return JWKSet.parse(json);
    } catch (ParseException e) {
      throw new TokenVerificationException(TokenCheck.KEYS, origin + " is not a JWKS (" + e.getMessage() + ").");
    }
  }
}
