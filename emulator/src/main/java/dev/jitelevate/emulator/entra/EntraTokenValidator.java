package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.TokenValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates the emulator's own access tokens: RS256 signature, lifetime (with 5 minutes of skew) and audience. */
final class EntraTokenValidator implements TokenValidator {
  private static final Duration SKEW = Duration.ofMinutes(5);
  private final SigningKey key;
  private final EmulatorClock clock;

  EntraTokenValidator(SigningKey key, EmulatorClock clock) {
    this.key = key;
    this.clock = clock;
  }

  @Override
  public Optional<Caller> validate(String bearerToken, Set<String> acceptedAudiences) {
    Optional<Jwt> parsed = Jwt.parse(bearerToken);
    if (parsed.isEmpty() || !key.verifies(parsed.get())) {
      return Optional.empty();
    }
    Jwt jwt = parsed.get();
    Instant now = clock.now();
    boolean live = jwt.time("exp").map(exp -> now.isBefore(exp)).orElse(false)
        && jwt.time("nbf").map(nbf -> !now.plus(SKEW).isBefore(nbf)).orElse(true);
    Set<String> accepted = acceptedAudiences.stream().map(EntraTokenValidator::trimSlash).collect(Collectors.toSet());
    boolean audienceOk = jwt.audiences().stream().map(EntraTokenValidator::trimSlash).anyMatch(accepted::contains);
    if (!live || !audienceOk || jwt.claim("oid") == null) {
      return Optional.empty();
    }
    return Optional.of(toCaller(jwt));
  }

  private static Caller toCaller(Jwt jwt) {
    JsonNode claims = jwt.claims();
    String scp = jwt.claim("scp");
    return new Caller(
        jwt.claim("oid"),
        jwt.claim("appid") != null ? jwt.claim("appid") : jwt.claim("azp"),
        "app".equals(jwt.claim("idtyp")),
        strings(claims.get("roles")),
        scp == null ? Set.of() : new HashSet<>(Arrays.asList(scp.split(" "))),
        strings(claims.get("wids")),
        strings(claims.get("groups")),
        strings(claims.get("amr")),
        jwt.time("iat").orElse(Instant.EPOCH),
        strings(claims.get("acrs")));
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static String trimSlash(String audience) {
    return audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience;
  }
}
