package dev.jitelevate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A record's optional {@code exposure} section (schema 1.1): how long access may outlive the elevation because
 * tokens issued while it was active stay valid until they expire. Never holds a token.
 *
 * @param accessMayPersistUntil the latest moment a token obtained during the window may still work
 * @param tokensIssued how many tokens the run obtained for the elevated identity, when recorded
 * @param latestTokenExpiry the latest {@code exp} among them, when recorded
 */
public record Exposure(Instant accessMayPersistUntil, OptionalInt tokensIssued, Optional<Instant> latestTokenExpiry) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads the section from a record's JSON; empty when it is absent or has no {@code accessMayPersistUntil}. */
  static Optional<Exposure> read(String recordJson) {
    try {
      JsonNode exposure = MAPPER.readTree(recordJson).path("exposure");
      Optional<Instant> until = instant(exposure.path("accessMayPersistUntil"));
      if (until.isEmpty()) {
        return Optional.empty();
      }
      JsonNode tokens = exposure.path("tokensIssuedDuringWindow");
      OptionalInt count = tokens.path("count").isInt() ? OptionalInt.of(tokens.path("count").asInt()) : OptionalInt.empty();
      Optional<Instant> latest = instant(tokens.path("latestExpiry"))
          .or(() -> instant(tokens.path("latestExp")));
      return Optional.of(new Exposure(until.get(), count, latest));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(node.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
