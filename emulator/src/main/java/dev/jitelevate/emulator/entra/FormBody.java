package dev.jitelevate.emulator.entra;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body. */
final class FormBody {
  private final Map<String, String> fields = new LinkedHashMap<>();

  FormBody(String body) {
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      fields.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
  }

  /** The field's value, or empty when absent or blank. */
  Optional<String> get(String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
