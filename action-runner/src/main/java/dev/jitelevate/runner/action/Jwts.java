package dev.jitelevate.runner.action;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads claims from a JWT's payload without verifying it (to explain failures and find ids; never to trust). */
final class Jwts {
  private static final ObjectMapper MAPPER = RunnerJson.MAPPER;

  private Jwts() {}

  /** The claim as text, when the token is a JWT that has it. */
  static Optional<String> claim(String jwt, String name) {
    try {
      String[] parts = jwt.split("\\.");
      if (parts.length < 2) {
        return Optional.empty();
      }
      JsonNode payload = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      JsonNode v = payload.get(name);
      return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
