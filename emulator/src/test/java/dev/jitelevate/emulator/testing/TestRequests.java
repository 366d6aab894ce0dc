package dev.jitelevate.emulator.testing;

import dev.jitelevate.emulator.kernel.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of an emulator request that surface tests build from a path, a token and a body. */
public final class TestRequests {
  private TestRequests() {}

  /** Returns the path of {@code path?query}. */
  public static String path(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  /** Returns the query of {@code path?query}, decoded as servers do but keeping a literal {@code +}. */
  public static Map<String, List<String>> query(String pathAndQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    int q = pathAndQuery.indexOf('?');
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        query.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return query;
  }

  /** Returns the headers of a call with a bearer token, or none without one. */
  public static Map<String, List<String>> bearer(String token) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", List.of("Bearer " + token));
    }
    return headers;
  }

  /** Returns a body as bytes: text as UTF-8, anything else as JSON, null as none. */
  public static byte[] body(Object body) {
    return body == null ? null : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
  }

  /** Percent-decodes, keeping a {@code +} as it is. */
  public static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
